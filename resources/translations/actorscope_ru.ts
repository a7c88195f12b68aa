<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru">
<context>
    <name>AnimationExport</name>
    <message>
        <location filename="../../app/AnimationExport.cpp" line="+36"/>
        <source>no directory &apos;%1&apos; to write the frames into</source>
        <translation>нет каталога «%1» для записи кадров</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the recording holds no events</source>
        <translation>в записи нет событий</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>bad animation options (fps 1-60, speed above 0, frames at least 16x16)</source>
        <translation>неверные параметры анимации (fps 1-60, скорость больше 0, кадры не меньше 16x16)</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>cannot write the frame &apos;%1&apos;</source>
        <translation>не удаётся записать кадр «%1»</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>cancelled</source>
        <translation>отменено</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>&apos;%1&apos;: an animation is saved as .mp4 or .gif</source>
        <translation>«%1»: анимация сохраняется в формате .mp4 или .gif</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>cannot make a temporary directory for the frames: %1</source>
        <translation>не удаётся создать временный каталог для кадров: %1</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>cannot run &apos;%1&apos; to encode the %2 (install Debian&apos;s ffmpeg package): %3</source>
        <translation>не удаётся запустить «%1» для кодирования %2 (установите пакет Debian ffmpeg): %3</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>ffmpeg could not write &apos;%1&apos;: %2</source>
        <translation>ffmpeg не смог записать «%1»: %2</translation>
    </message>
</context>
<context>
    <name>AttachSource</name>
    <message>
        <location filename="../../views/observer/AttachSource.cpp" line="+181"/>
        <source>attached to %1 read-only: the console evaluates nothing there</source>
        <translation>подключено к %1 только для чтения: консоль там ничего не вычисляет</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Evaluating on %1 (%2, OTP %3), as iex --remsh would
</source>
        <translation>Вычисляется на %1 (%2, OTP %3), как в iex --remsh
</translation>
    </message>
</context>
<context>
    <name>EmbeddedShell</name>
    <message>
        <location filename="../../views/observer/EmbeddedShell.cpp" line="+73"/>
        <source>the shell did not start</source>
        <translation>оболочка не запустилась</translation>
    </message>
</context>
<context>
    <name>EmbeddedSource</name>
    <message>
        <location filename="../../views/observer/EmbeddedSource.cpp" line="+11"/>
        <location line="+36"/>
        <location line="+155"/>
        <location line="+16"/>
        <source>%1 is not alive</source>
        <translation>%1 не жив</translation>
    </message>
    <message>
        <location line="-200"/>
        <source>the alias %1</source>
        <translation>псевдоним %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+1"/>
        <source>node %1</source>
        <translation>узел %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>its target</source>
        <translation>его цель</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>no process is registered as %1</source>
        <translation>ни один процесс не зарегистрирован как %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no process has %1 (it was deleted, or its process ended)</source>
        <translation>ни у одного процесса нет: %1 (он удалён, или его процесс завершился)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no process is %1</source>
        <translation>нет процесса %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 already links to %2</source>
        <translation>связь %1 → %2 уже есть</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 already monitors %2</source>
        <translation>монитор %1 → %2 уже есть</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>a process cannot link to or monitor its own node</source>
        <translation>процесс не может связаться со своим собственным узлом или следить за ним</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 cannot link to itself</source>
        <translation>%1 не может связаться сам с собой</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 cannot monitor itself</source>
        <translation>%1 не может следить сам за собой</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 has no link to %2</source>
        <translation>связи %1 → %2 нет</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 does not monitor %2</source>
        <translation>монитора %1 → %2 нет</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 cannot be reached from %2&apos;s node</source>
        <translation>%1 недоступен с узла процесса %2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>embedded runtime (deterministic)</source>
        <translation>встроенная среда выполнения (детерминированная)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>embedded runtime (live)</source>
        <translation>встроенная среда выполнения (реальное время)</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Ergo links and monitors need Ergo mode (Scenario &gt; Ergo semantics)</source>
        <translation>для связей и мониторов Ergo нужен режим Ergo (Сценарий &gt; Семантика Ergo)</translation>
    </message>
    <message>
        <location line="+77"/>
        <source>%1 is already registered as %2</source>
        <translation>%1 уже зарегистрирован как %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 is taken by %2</source>
        <translation>имя %1 занято процессом %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 already has a name</source>
        <translation>у %1 уже есть имя</translation>
    </message>
    <message>
        <location line="+28"/>
        <location line="+12"/>
        <source>Aliases need Ergo mode (Scenario &gt; Ergo semantics)</source>
        <translation>Псевдонимы есть только в режиме Ergo (Сценарий &gt; Семантика Ergo)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 is not an alias of %2</source>
        <translation>%1 не является псевдонимом %2</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>nothing called &quot;%1&quot; can be spawned here</source>
        <translation>здесь нельзя запустить ничего с именем «%1»</translation>
    </message>
</context>
<context>
    <name>EventText</name>
    <message>
        <location filename="../../views/observer/EventText.cpp" line="+114"/>
        <source>%1 terminated (%2)</source>
        <translation>%1 завершил работу (%2)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 links to node %2 (LinkNode: it gets an exit when the connection is lost)</source>
        <translation>%1 связался с узлом %2 (LinkNode: он получит сигнал выхода, когда соединение будет потеряно)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 removed its link to node %2</source>
        <translation>%1 убрал свою связь с узлом %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 links to the name %2, now %3 (LinkProcessID, one-way)</source>
        <translation>%1 связался с именем %2, сейчас это %3 (LinkProcessID, односторонняя связь)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 removed its link to the name %2 (%3)</source>
        <translation>%1 убрал свою связь с именем %2 (%3)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 links to %2 (LinkPID, one-way)</source>
        <translation>%1 связался с %2 (LinkPID, односторонняя связь)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 removed its link to %2</source>
        <translation>%1 убрал свою связь с %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 monitors the name %2, now %3 (MonitorProcessID)</source>
        <translation>%1 следит за именем %2, сейчас это %3 (MonitorProcessID)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 monitors %2 (MonitorPID)</source>
        <translation>%1 следит за %2 (MonitorPID)</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>%1 is unreachable: %2 gets a DOWN with ErrNoConnection from its own side</source>
        <translation>%1 недоступен: %2 получает DOWN с ErrNoConnection со своей собственной стороны</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 is unreachable: %2 gets an exit with ErrNoConnection from its own side</source>
        <translation>%1 недоступен: %2 получает сигнал выхода с ErrNoConnection со своей собственной стороны</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 is down: %2 goes to %3 (%4)</source>
        <translation>%1 завершился: %2 отправляется процессу %3 (%4)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1&apos;s end of the link sends %2 an exit (%3)</source>
        <translation>связь со стороны %1 отправляет процессу %2 сигнал выхода (%3)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the observer sent an exit to %1 (%2)</source>
        <translation>наблюдатель отправил сигнал выхода процессу %1 (%2)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 sent an exit to %2 (SendExit: %3)</source>
        <translation>%1 отправил сигнал выхода процессу %2 (SendExit: %3)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the node killed %1 (Kill: forced, it cannot be trapped)</source>
        <translation>узел убил %1 (Kill: принудительно, перехватить нельзя)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 terminated: its link to %2 fired (%3)</source>
        <translation>%1 завершил работу: сработала его связь с %2 (%3)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 was terminated by an exit from %2 (%3)</source>
        <translation>%1 завершён сигналом выхода от %2 (%3)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 got %2 from %3 (%4) in its Urgent queue</source>
        <translation>%1 получил %2 от %3 (%4) в очередь Urgent (срочную)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 dropped the exit from %2: it no longer links to it</source>
        <translation>%1 отбросил сигнал выхода от %2: он больше не связан с ним</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 got %2 for %3 (%4) in its System queue</source>
        <translation>%1 получил %2 о %3 (%4) в очередь System (системную)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>the observer</source>
        <translation>наблюдатель</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>node %1</source>
        <translation>узел %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 spawned %2 (%3)</source>
        <translation>%1 запустил %2 (%3)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 was spawned (%2)</source>
        <translation>%1 запущен (%2)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 exited (%2)</source>
        <translation>%1 завершился (%2)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 linked to %2</source>
        <translation>%1 связан с %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 unlinked from %2</source>
        <translation>%1 разорвал связь с %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 monitors %2</source>
        <translation>%1 следит за %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 stopped monitoring %2</source>
        <translation>%1 перестал следить за %2</translation>
    </message>
    <message>
        <location line="-74"/>
        <location line="+78"/>
        <source>%1 got %2 (it monitors nodes)</source>
        <translation>%1 получил %2 (он следит за узлами)</translation>
    </message>
    <message>
        <location line="-73"/>
        <source>the connection to node %1 was lost: %2 gets a DOWN with ErrNoConnection from its own side</source>
        <translation>соединение с узлом %1 потеряно: %2 получает DOWN с ErrNoConnection со своей собственной стороны</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the connection to node %1 was lost: %2&apos;s link to that node fires, an exit with ErrNoConnection from its own side</source>
        <translation>соединение с узлом %1 потеряно: срабатывает связь %2 с этим узлом — сигнал выхода с ErrNoConnection со своей собственной стороны</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>%1 terminated: the connection to a node it links to was lost (%2)</source>
        <translation>%1 завершил работу: потеряно соединение с узлом, с которым он связан (%2)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 terminated: the connection to node %2 was lost, and it links to that node (%3)</source>
        <translation>%1 завершил работу: потеряно соединение с узлом %2, а он связан с этим узлом (%3)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 got MessageExitNode in its Urgent queue: the connection to a node it links to was lost (%2)</source>
        <translation>%1 получил MessageExitNode в очередь Urgent (срочную): потеряно соединение с узлом, с которым он связан (%2)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 got MessageExitNode in its Urgent queue: the connection to node %2 was lost (%3)</source>
        <translation>%1 получил MessageExitNode в очередь Urgent (срочную): потеряно соединение с узлом %2 (%3)</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>the observer sent %1 to %2</source>
        <translation>наблюдатель отправил %1 процессу %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 is unreachable: DOWN (:noconnection) sent to %2 from its own side</source>
        <translation>%1 недоступен: DOWN (:noconnection) приходит к %2 с его собственной стороны</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 is unreachable: an exit signal (:noconnection) goes to %2 from its own side</source>
        <translation>%1 недоступен: сигнал выхода (:noconnection) приходит к %2 с его собственной стороны</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 is down: DOWN sent to %2 (%3)</source>
        <translation>%1 завершился: %2 получает DOWN (%3)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 sent an untrappable kill to %2</source>
        <translation>%1 отправил неперехватываемый kill процессу %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 sent an exit signal to %2 (%3)%4</source>
        <translation>%1 отправил сигнал выхода процессу %2 (%3)%4</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> along their link</source>
        <translation> по их связи</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 ended with its node</source>
        <translation>%1 завершился вместе со своим узлом</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 was killed by the exit signal from %2 (%3)</source>
        <translation>%1 убит сигналом выхода от %2 (%3)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 trapped the exit of %2 (%3)</source>
        <translation>%1 перехватил выход %2 (%3)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 ignored a :normal exit signal from %2 (it does not trap exits)</source>
        <translation>%1 проигнорировал сигнал выхода :normal от %2 (он не перехватывает выходы)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 dropped the exit signal from %2: no longer linked</source>
        <translation>%1 отбросил сигнал выхода от %2: связи больше нет</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the exit signal from %1 found %2 already dead</source>
        <translation>сигнал выхода от %1 застал %2 уже мёртвым</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 got {:DOWN, ...} for %2 (%3)</source>
        <translation>%1 получил {:DOWN, ...} о %2 (%3)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 dropped a DOWN for %2: no longer monitoring</source>
        <translation>%1 отбросил DOWN о %2: монитора больше нет</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>a message from %1 to %2 was lost: the connection between their nodes was cut (%3)</source>
        <translation>сообщение от %1 процессу %2 потеряно: соединение между их узлами разорвано (%3)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the %1 from %2 to %3 was lost: the connection between their nodes was cut</source>
        <translation>%1 от %2 процессу %3 потерян: соединение между их узлами разорвано</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>exit signal</source>
        <translation>сигнал выхода</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 now traps exits</source>
        <translation>%1 теперь перехватывает выходы</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 no longer traps exits</source>
        <translation>%1 больше не перехватывает выходы</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 registered as %2</source>
        <translation>%1 зарегистрирован как %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 lost the name %2</source>
        <translation>%1 лишился имени %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 was suspended</source>
        <translation>%1 приостановлен</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 was resumed</source>
        <translation>%1 возобновлён</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 is known as %2</source>
        <translation>%1 известен как %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>supervisor %1 gave up: more than %2 restarts in %3 s (the last: %4 exited with %5); it stops its children and exits with :shutdown</source>
        <translation>супервизор %1 сдался: больше %2 перезапусков за %3 с (последний: %4 завершился с %5); он останавливает дочерние процессы и завершается с :shutdown</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>supervisor %1 restarted %2 as %3 (it exited with %4)</source>
        <translation>супервизор %1 перезапустил %2 как %3 (тот завершился с %4)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>node %1 is up (a peer of %2: it ends when their connection is cut)</source>
        <translation>узел %1 запущен (peer-узел %2: он завершится, когда их соединение будет разорвано)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>node %1 is up</source>
        <translation>узел %1 запущен</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>node %1 is down: its processes end, and links and monitors to them fire with :noconnection</source>
        <translation>узел %1 остановлен: его процессы завершаются, а связи и мониторы, ведущие к ним, срабатывают с :noconnection</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>nodes %1 and %2 connected</source>
        <translation>узлы %1 и %2 соединены</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>partition: the connection between %1 and %2 is cut (until healed)</source>
        <translation>разделение сети: соединение между %1 и %2 разорвано (до восстановления)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>nodes %1 and %2 disconnected</source>
        <translation>узлы %1 и %2 разъединены</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>; each side notices after %1 ms</source>
        <translation>; каждая сторона заметит это через %1 мс</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>partition healed between %1 and %2: they connect again on next use; nothing that fired comes back</source>
        <translation>разделение сети между %1 и %2 устранено: они снова соединятся при следующем обращении; ничто из уже сработавшего не вернётся</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>the rest</source>
        <translation>остальные узлы</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>fault injected: heal every partition</source>
        <translation>внедрён сбой: восстановление всех разделений сети</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>fault injected: heal %1 | %2</source>
        <translation>внедрён сбой: восстановление %1 | %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>fault injected: partition %1 | %2 for %3 ms</source>
        <translation>внедрён сбой: разделение сети %1 | %2 на %3 мс</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>fault injected: partition %1 | %2 until healed</source>
        <translation>внедрён сбой: разделение сети %1 | %2 до восстановления</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>fault injected: signals between nodes %1 take %2 ms longer</source>
        <translation>внедрён сбой: сигналы между узлами %1 идут на %2 мс дольше</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>fault injected: %1 %2 (%3)</source>
        <translation>внедрён сбой: %1 %2 (%3)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>everyone</source>
        <translation>все процессы</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>gave up: too many restarts</source>
        <translation>сдался: слишком много перезапусков</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>gave up: more than %1 restarts in %2 s</source>
        <translation>сдался: больше %1 перезапусков за %2 с</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>TerminateReasonKill: in Ergo an exit with :kill is trapped like any other (E1.6): a trapper gets MessageExitPID in its Urgent queue, any other process terminates. Only the node&apos;s Kill is forced.</source>
        <translation>TerminateReasonKill: в Ergo выход с :kill перехватывается, как любой другой (E1.6): перехватывающий процесс получает MessageExitPID в очередь Urgent (срочную), любой другой процесс завершает работу. Принудителен только Kill узла.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>TerminateReasonNormal: in Ergo a process that does not trap exits terminates on any reason, :normal too (E1.5); a trapper gets MessageExitPID in its Urgent queue.</source>
        <translation>TerminateReasonNormal: в Ergo процесс, который не перехватывает выходы, завершает работу при любой причине, в том числе при :normal (E1.5); перехватывающий процесс получает MessageExitPID в очередь Urgent (срочную).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>TerminateReasonShutdown: the process terminates unless it traps exits (then it gets MessageExitPID in its Urgent queue); the processes that link to it get an exit with it.</source>
        <translation>TerminateReasonShutdown: процесс завершает работу, если не перехватывает выходы (тогда он получает MessageExitPID в очередь Urgent (срочную)); процессы, связанные с ним, получают сигнал выхода с этой причиной.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: the process terminates unless it traps exits, and every process linked to it that does not trap terminates too.</source>
        <translation>%1: процесс завершает работу, если не перехватывает выходы, и вместе с ним завершается каждый связанный с ним процесс, который их не перехватывает.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>:kill cannot be trapped: the process dies with :killed, and its links get :killed (which they can trap).</source>
        <translation>:kill нельзя перехватить: процесс умирает с причиной :killed, а связанные с ним процессы получают :killed (его они перехватить могут).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>:normal does nothing to a process that does not trap exits; a trapper gets {:EXIT, from, :normal} in its mailbox.</source>
        <translation>:normal ничего не делает с процессом, который не перехватывает выходы; перехватывающий процесс получает {:EXIT, from, :normal} в свой почтовый ящик.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>:shutdown is how supervisors stop children: the process dies (unless it traps exits) and a supervisor does not report it as a crash.</source>
        <translation>:shutdown — так супервизоры останавливают дочерние процессы: процесс умирает (если не перехватывает выходы), и супервизор не считает это сбоем.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 is an abnormal reason: the process dies unless it traps exits, and every linked process that does not trap dies with it.</source>
        <translation>%1 — аварийная причина: процесс умирает, если не перехватывает выходы, и вместе с ним умирает каждый связанный процесс, который их не перехватывает.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Not a term: column %1: %2</source>
        <translation>Не терм: столбец %1: %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not a term: line %1, column %2: %3</source>
        <translation>Не терм: строка %1, столбец %2: %3</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Type a reason, e.g. :kaboom or {:shutdown, :tired}</source>
        <translation>Введите причину, например :kaboom или {:shutdown, :tired}</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Type a message, e.g. {:put, &quot;k&quot;, 1}</source>
        <translation>Введите сообщение, например {:put, &quot;k&quot;, 1}</translation>
    </message>
</context>
<context>
    <name>Language</name>
    <message>
        <location filename="../../app/Language.cpp" line="+46"/>
        <source>unknown language &apos;%1&apos; (there are: %2)</source>
        <translation>неизвестный язык &apos;%1&apos; (доступны: %2)</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../app/MainWindowActions.cpp" line="+278"/>
        <source>%1 (of %2)</source>
        <translation>%1 (у %2)</translation>
    </message>
</context>
<context>
    <name>NodeItem</name>
    <message>
        <location filename="../../views/NodeItem.cpp" line="+111"/>
        <source>
queues: Urgent %1 (exits), System %2 (DOWNs), Main %3; read in that order</source>
        <translation>
очереди: Urgent %1 (выходы), System %2 (DOWN), Main %3; читаются в этом порядке</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>
The console&apos;s shell: what you type in the Console dock runs in this process (self()).</source>
        <translation>
Оболочка консоли: всё, что вы вводите в панели «Консоль», выполняется в этом процессе (self()).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>
Part of the console: it monitors the shell and starts a new one when the shell dies.</source>
        <translation>
Часть консоли: следит за оболочкой и запускает новую, когда оболочка умирает.</translation>
    </message>
    <message>
        <location line="+320"/>
        <source>
Click to dismiss.</source>
        <translation>
Щёлкните, чтобы скрыть.</translation>
    </message>
    <message>
        <location line="+149"/>
        <source>gets EXIT</source>
        <translation>получит EXIT</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>gets DOWN</source>
        <translation>получит DOWN</translation>
    </message>
</context>
<context>
    <name>ObserverModel</name>
    <message>
        <location filename="../../views/observer/ObserverModel.cpp" line="+81"/>
        <source>iex shell</source>
        <translation>оболочка iex</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>shell server</source>
        <translation>сервер оболочки</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 (app)</source>
        <translation>%1 (приложение)</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>node %1</source>
        <translation>узел %1</translation>
    </message>
</context>
<context>
    <name>ProcessTableModel</name>
    <message>
        <location filename="../../views/observer/ProcessTableModel.cpp" line="+32"/>
        <source> (console)</source>
        <translation> (консоль)</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <location filename="../../app/Export.cpp" line="+80"/>
        <location line="+18"/>
        <location line="+7"/>
        <source>cannot write %1</source>
        <translation>не удаётся записать %1</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Export failed: %1</source>
        <translation>Ошибка экспорта: %1</translation>
    </message>
    <message>
        <location filename="../../views/GraphLayers.h" line="+164"/>
        <source>%1 was unregistered: the links and monitors made by this name fire ErrUnregistered</source>
        <translation>Имя %1 снято с регистрации: связи и мониторы по этому имени срабатывают с ErrUnregistered</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The registered name %1: links and monitors made by this name point here</source>
        <translation>Зарегистрированное имя %1: связи и мониторы по этому имени указывают сюда</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>%1 (down)</source>
        <translation>%1 (остановлен)</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>partitioned</source>
        <translation>разделено</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>disconnected</source>
        <translation>разъединено</translation>
    </message>
    <message>
        <location line="+483"/>
        <source>The observer: commands from this window (kill, exit, send, trap_exit) start here</source>
        <translation>Наблюдатель: отсюда исходят команды этого окна (kill, exit, send, trap_exit)</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>observer</source>
        <translation>наблюдатель</translation>
    </message>
</context>
<context>
    <name>Scenario</name>
    <message>
        <location filename="../../app/Scenarios.cpp" line="+20"/>
        <source>Demo: a small KV tree made of plain processes</source>
        <translation>Демо: небольшое дерево KV из обычных процессов</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A key-value store as in the Elixir guide: :kv_sup supervises a :registry, a :bucket_sup with three buckets, and :events. A :client monitors the registry and sends it traffic; :left and :right are linked, and :right traps exits.

Try: kill bucket_2 (select it, press K) and watch the EXIT travel to :bucket_sup, which restarts it in place. Kill :registry and watch the DOWN reach :client. Kill :left: :right traps the exit and gets an {:EXIT, ...} message instead of dying. Hover Kill to preview the blast radius.</source>
        <translation>Хранилище «ключ — значение», как в руководстве по Elixir: :kv_sup — супервизор для :registry, :bucket_sup с тремя бакетами и :events. :client ставит монитор на реестр и шлёт ему запросы; :left и :right связаны, и :right перехватывает выходы.

Попробуйте: убейте bucket_2 (выделите его и нажмите K) и посмотрите, как EXIT доходит до :bucket_sup, который перезапускает его на том же месте. Убейте :registry и посмотрите, как DOWN доходит до :client. Убейте :left: :right перехватывает выход и вместо гибели получает сообщение {:EXIT, ...}. Наведите курсор на «Убить», чтобы заранее увидеть радиус поражения.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Empty: your own playground</source>
        <translation>Пусто: ваша собственная песочница</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No processes. Spawn some from the palette (Process &gt; Spawn), link them with Shift+drag, monitor with Ctrl+Shift+drag, and see what an exit does.</source>
        <translation>Процессов нет. Запустите их из палитры (Процесс &gt; Запустить), свяжите с помощью Shift+перетаскивания, поставьте монитор с помощью Ctrl+Shift+перетаскивания и посмотрите, что делает выход.</translation>
    </message>
    <message>
        <location filename="../../app/ScenarioTexts.cpp" line="+12"/>
        <source>KV: the key-value store of the Elixir guide</source>
        <translation>KV: хранилище «ключ — значение» из руководства по Elixir</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The application of Elixir&apos;s getting-started guide. KV.Supervisor (one_for_one) starts an event manager, KV.BucketSupervisor (a DynamicSupervisor of temporary buckets) and KV.Registry, which maps bucket names to bucket processes and monitors every bucket. A client then creates the buckets &quot;shopping&quot;, &quot;groceries&quot; and &quot;todo&quot; and puts milk into the first. Try: kill a bucket and watch the DOWN reach the registry, which forgets it; the bucket supervisor does not restart it (temporary). Then kill KV.Registry: the root restarts it, but the buckets live on, orphaned, unknown to the new registry. That is what kv-nested fixes.</source>
        <translation>Приложение из вводного руководства по Elixir. KV.Supervisor (one_for_one) запускает менеджер событий, KV.BucketSupervisor (DynamicSupervisor временных бакетов) и KV.Registry, который сопоставляет имена бакетов с их процессами и ставит монитор на каждый бакет. Затем клиент создаёт бакеты &quot;shopping&quot;, &quot;groceries&quot; и &quot;todo&quot; и кладёт молоко в первый. Попробуйте: убейте бакет и посмотрите, как DOWN доходит до реестра, который о нём забывает; супервизор бакетов его не перезапускает (temporary). Затем убейте KV.Registry: корень перезапускает его, но бакеты продолжают жить — осиротевшие и неизвестные новому реестру. Именно это исправляет kv-nested.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>KV with a one_for_all registry supervisor</source>
        <translation>KV с супервизором реестра one_for_all</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The guide&apos;s fix for orphaned buckets: KV.Registry and KV.BucketSupervisor live under their own one_for_all supervisor, KV.RegistrySupervisor, beside the event manager. Try: kill KV.Registry and watch the one_for_all strategy stop the bucket supervisor too (and with it every bucket) and restart both, so the registry and the buckets never disagree. Killing a bucket still only sends a DOWN.</source>
        <translation>Исправление из руководства для осиротевших бакетов: KV.Registry и KV.BucketSupervisor живут под собственным супервизором one_for_all, KV.RegistrySupervisor, рядом с менеджером событий. Попробуйте: убейте KV.Registry и посмотрите, как стратегия one_for_all останавливает и супервизор бакетов (а с ним и все бакеты) и перезапускает оба, так что реестр и бакеты никогда не расходятся. Убийство бакета по-прежнему лишь отправляет DOWN.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Monitors: five DOWNs</source>
        <translation>Мониторы: пять DOWN</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The watcher spawns five workers and monitors each one (dashed arrows). One after the other the workers end: the middle one with :some_reason, the others with :normal. Every ending sends a DOWN to the watcher, whatever the reason, and the watcher keeps running: a monitor only reports. The watcher ends with five {:DOWN, ref, :process, pid, reason} messages in its mailbox. Try: kill the watcher before the workers end: the workers do not notice (monitors are one-way).</source>
        <translation>Следящий процесс запускает пять рабочих процессов и ставит монитор на каждый (пунктирные стрелки). Рабочие процессы завершаются один за другим: средний — с :some_reason, остальные — с :normal. Каждое завершение, какой бы ни была причина, отправляет DOWN следящему процессу, а тот продолжает работать: монитор только сообщает. В итоге в почтовом ящике следящего процесса оказываются пять сообщений {:DOWN, ref, :process, pid, reason}. Попробуйте: убейте следящий процесс до того, как завершатся рабочие: они этого не заметят (мониторы односторонние).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trapping exits</source>
        <translation>Перехват выходов</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The parent sets trap_exit (a shield around it) and spawn_links a child, which soon exits with :kaboom. Without the shield the exit signal would kill the parent; with it the signal turns into the message {:EXIT, child, :kaboom} in the parent&apos;s mailbox and the parent lives on. Try: untrap the parent before the child ends, or send the parent an exit with :kill, which no shield stops.</source>
        <translation>Родитель включает trap_exit (вокруг него появляется щит) и через spawn_link запускает дочерний процесс, который вскоре завершается с :kaboom. Без щита сигнал выхода убил бы родителя; со щитом сигнал превращается в сообщение {:EXIT, child, :kaboom} в почтовом ящике родителя, и родитель продолжает жить. Попробуйте: отключите у родителя перехват выходов до завершения дочернего процесса или отправьте родителю выход с :kill, который не остановит никакой щит.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A chain of links</source>
        <translation>Цепочка связей</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A chain of linked processes, :chain_0 to :chain_N, each spawn_linked by the one before; one member in the middle traps exits. The director kills :chain_0: the :killed exit signal travels hop by hop down the chain, killing each member, until it reaches the trapping member, where it becomes an {:EXIT, ...} message and stops. The rest of the chain survives. Try: kill a member behind the trapper, or untrap it first and watch the whole chain go.</source>
        <translation>Цепочка связанных процессов от :chain_0 до :chain_N, каждый из которых запущен через spawn_link предыдущим; один процесс в середине перехватывает выходы. Режиссёр убивает :chain_0: сигнал выхода :killed звено за звеном идёт по цепочке, убивая каждый процесс, пока не дойдёт до перехватывающего процесса, где превращается в сообщение {:EXIT, ...} и останавливается. Остальная часть цепочки выживает. Попробуйте: убейте звено за перехватывающим процессом или сначала отключите у него перехват выходов и посмотрите, как погибнет вся цепочка.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Three restart strategies</source>
        <translation>Три стратегии перезапуска</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Three supervisors side by side, :one_for_one, :one_for_all and :rest_for_one, each with the same four children a, b, c, d started in that order. After a while the director crashes child b under each of them. :one_for_one restarts b alone; :one_for_all stops the others (d, c, a: reverse order) and restarts all four; :rest_for_one restarts b and the children started after it, c and d. Compare the new pids. Try: kill a or d yourself under each supervisor.</source>
        <translation>Три супервизора рядом: :one_for_one, :one_for_all и :rest_for_one, у каждого одни и те же четыре дочерних процесса a, b, c, d, запущенные в этом порядке. Через некоторое время режиссёр роняет дочерний процесс b под каждым из них. :one_for_one перезапускает только b; :one_for_all останавливает остальные (d, c, a: в обратном порядке) и перезапускает все четыре; :rest_for_one перезапускает b и процессы, запущенные после него, — c и d. Сравните новые pid. Попробуйте: сами убейте a или d под каждым супервизором.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Restart storm</source>
        <translation>Шторм перезапусков</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A worker that crashes on a timer, under :storm_sup (at most max_restarts restarts in 5 s), under :storm_root (at most root_max_restarts in 5 s). Each crash is a restart; when the crashes come too fast :storm_sup gives up, stops its children and exits with :shutdown, and the failure climbs one level: :storm_root restarts :storm_sup, the storm starts again, until the root gives up too and the whole tree is gone. Try: raise crash_every_ms above 1700 and the tree copes forever.</source>
        <translation>Рабочий процесс, который падает по таймеру, под :storm_sup (не больше max_restarts перезапусков за 5 с), а тот под :storm_root (не больше root_max_restarts за 5 с). Каждый сбой — это перезапуск; когда сбои идут слишком часто, :storm_sup сдаётся, останавливает дочерние процессы и завершается с :shutdown, и сбой поднимается на уровень выше: :storm_root перезапускает :storm_sup, шторм начинается снова — пока не сдастся и корень и всё дерево не исчезнет. Попробуйте: поднимите crash_every_ms выше 1700, и дерево будет справляться вечно.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Link or monitor?</source>
        <translation>Связь или монитор?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Two parents side by side: :linker spawn_links its children (solid lines), :monitorer spawn_monitors its children (dashed arrows). After a while both parents are killed. The linked children die with them (:killed travels along every link), the monitored children carry on: a monitor goes from watcher to target only, so the parent&apos;s death reaches nobody. Try: kill a child instead: the linker dies with it, the monitorer just gets a DOWN.</source>
        <translation>Два родителя рядом: :linker запускает дочерние процессы через spawn_link (сплошные линии), :monitorer — через spawn_monitor (пунктирные стрелки). Через некоторое время оба родителя убиты. Связанные дочерние процессы умирают вместе с родителем (:killed проходит по каждой связи), а дочерние процессы под монитором продолжают работать: монитор направлен только от следящего к цели, поэтому смерть родителя никого не затрагивает. Попробуйте: вместо этого убейте дочерний процесс: :linker умрёт вместе с ним, а :monitorer просто получит DOWN.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mailbox flood</source>
        <translation>Переполнение почтового ящика</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The :producer sends a {:job, n} message much faster than the :consumer can handle one. Nothing pushes back: the consumer&apos;s mailbox grows (watch its badge heat up) until the producer stops, then slowly drains. Try: suspend the consumer, or slow the producer down (produce_every_ms) until the mailbox stays small.</source>
        <translation>:producer отправляет сообщения {:job, n} гораздо быстрее, чем :consumer успевает обработать хотя бы одно. Ничто не сдерживает поток: почтовый ящик потребителя растёт (посмотрите, как раскаляется его значок), пока производитель не остановится, а затем медленно пустеет. Попробуйте: приостановите потребителя или замедлите производителя (produce_every_ms), чтобы почтовый ящик оставался небольшим.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A big tree</source>
        <translation>Большое дерево</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A supervision tree for scale: :big_root supervises `branches` one_for_one supervisors, each with `workers` workers linked to it and a watcher that monitors every worker of its branch. A few thousand processes, links and monitors. Try: kill a branch supervisor and watch its subtree go and come back, with a DOWN for every worker reaching the branch&apos;s watcher; zoom out and kill the root.</source>
        <translation>Дерево супервизоров для проверки масштаба: под :big_root находятся `branches` супервизоров one_for_one, у каждого из которых `workers` связанных с ним рабочих процессов и следящий процесс, ставящий монитор на каждый рабочий процесс своей ветви. Несколько тысяч процессов, связей и мониторов. Попробуйте: убейте супервизор ветви и посмотрите, как его поддерево исчезает и возвращается, а следящий процесс ветви получает DOWN за каждый рабочий процесс; уменьшите масштаб и убейте корень.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Netsplit</source>
        <translation>Разрыв сети</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Three nodes, :&quot;a@host&quot;, :&quot;b@host&quot; and :&quot;c@host&quot;. On a, :pinger sends {:ping, n, pid} to the :echo of b and the :echo of c (names are per node: {:echo, :&quot;b@host&quot;}); b&apos;s :echo passes each ping on to c&apos;s, so b and c are connected too. :linker on a traps exits and is linked to :partner on b; :watcher on a monitors :target on c and monitors both nodes. After a while the :director cuts a off from b and c: every link and monitor across the cut fires on both sides with :noconnection, though nothing crashed. :partner dies with :noconnection, :linker gets {:EXIT, partner, :noconnection}; :watcher gets {:DOWN, ref, :process, target, :noconnection} and {:nodedown, node} for b and c, while :target lives on. Pings sent meanwhile are lost without an error; b and c still talk. Then the partition heals: the next ping connects again, but nothing is resurrected: the link and the monitor are gone and :partner stays dead. Try: untrap :linker before the cut and it dies with :noconnection too.</source>
        <translation>Три узла: :&quot;a@host&quot;, :&quot;b@host&quot; и :&quot;c@host&quot;. На a процесс :pinger отправляет {:ping, n, pid} процессу :echo на b и процессу :echo на c (имена действуют в пределах узла: {:echo, :&quot;b@host&quot;}); :echo на b передаёт каждый ping дальше, процессу :echo на c, так что b и c тоже соединены. :linker на a перехватывает выходы и связан с :partner на b; :watcher на a ставит монитор на :target на c, а также на оба узла. Через некоторое время :director отрезает a от b и c: каждая связь и каждый монитор через разрыв срабатывают на обеих сторонах с :noconnection, хотя ничего не упало. :partner умирает с :noconnection, :linker получает {:EXIT, partner, :noconnection}; :watcher получает {:DOWN, ref, :process, target, :noconnection} и {:nodedown, node} для b и c, а :target продолжает жить. Сообщения ping, отправленные тем временем, теряются без всякой ошибки; b и c по-прежнему общаются. Затем разделение сети устраняется: следующий ping снова устанавливает соединение, но ничто не воскресает: связи и монитора больше нет, а :partner остаётся мёртвым. Попробуйте: отключите у :linker перехват выходов до разрыва, и он тоже умрёт с :noconnection.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A supervisor across a netsplit</source>
        <translation>Супервизор и разрыв сети</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A supervisor on :&quot;a@host&quot;, :remote_sup (one_for_one, at most max_restarts restarts in 5 s), with one child on its own node, :local_worker, and three on :&quot;b@host&quot;: :remote_1, :remote_2 and :remote_trapper, which traps exits. Their links to the supervisor cross the connection between a and b. After a while the :director partitions a from b and the links fire on both sides with :noconnection: :remote_1 and :remote_2 die with it, :remote_trapper gets {:EXIT, sup, :noconnection} and lives on, orphaned. The supervisor restarts each remote child, but b cannot be reached: as on the BEAM, spawn_link there gives a pid that is already dead and an {:EXIT, pid, :noconnection} at once, so every restart fails until the intensity is reached; :remote_sup gives up, stops :local_worker and exits with :shutdown. When the partition heals nothing comes back: no supervisor, and the orphan still runs on b, linked to nobody. Try: raise max_restarts: every restart fails just the same, only more of them.</source>
        <translation>Супервизор на :&quot;a@host&quot;, :remote_sup (one_for_one, не больше max_restarts перезапусков за 5 с), с одним дочерним процессом на своём узле, :local_worker, и тремя на :&quot;b@host&quot;: :remote_1, :remote_2 и :remote_trapper, который перехватывает выходы. Их связи с супервизором проходят через соединение между a и b. Через некоторое время :director отделяет a от b, и связи срабатывают на обеих сторонах с :noconnection: :remote_1 и :remote_2 умирают с этой причиной, а :remote_trapper получает {:EXIT, sup, :noconnection} и продолжает жить — осиротевший. Супервизор перезапускает каждый удалённый дочерний процесс, но b недоступен: как и на BEAM, spawn_link туда сразу даёт pid уже мёртвого процесса и {:EXIT, pid, :noconnection}, поэтому каждый перезапуск неудачен, пока не будет достигнут предел интенсивности перезапусков; :remote_sup сдаётся, останавливает :local_worker и завершается с :shutdown. Когда разделение сети устраняется, ничего не возвращается: супервизора нет, а сирота всё ещё работает на b, ни с кем не связанный. Попробуйте: увеличьте max_restarts: каждый перезапуск точно так же неудачен, просто их становится больше.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ergo: a service and the workers linked to it</source>
        <translation>Ergo: сервис и связанные с ним рабочие процессы</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The Ergo chapter&apos;s shared service: :service and workers that each link to it (Process.link, LinkPID in Ergo). In Ergo a link is one-way, drawn as an arrow from the worker to the service: when :worker_1 crashes the service stays; when the service crashes every worker goes. On the BEAM the same links are two-way: the crash of :worker_1 takes the service and, through it, every other worker. Open View &gt; Compare semantics to see both at once.</source>
        <translation>Общий сервис из главы про Ergo: :service и рабочие процессы, каждый из которых связывается с ним (Process.link, в Ergo — LinkPID). В Ergo связь односторонняя и рисуется стрелкой от рабочего процесса к сервису: когда :worker_1 падает, сервис остаётся; когда падает сервис, уходят все рабочие процессы. На BEAM те же связи двусторонние: падение :worker_1 уносит с собой сервис, а через него и все остальные рабочие процессы. Откройте Вид &gt; Сравнение семантик, чтобы увидеть и то и другое сразу.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ergo: monitoring and linking a name</source>
        <translation>Ergo: монитор и связь по имени</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>:client monitors the name :db and :name_linker links to it (MonitorProcessID, LinkProcessID in Ergo). Then :db unregisters its name and lives on. In Ergo that fires both: :client gets MessageDownProcessID with ErrUnregistered and :name_linker terminates with it, while :db keeps running. On the BEAM a name monitor watches the pid the name had when it was made, so nothing happens until :db crashes later: then the DOWN names {:db, node} and the link takes :name_linker.</source>
        <translation>:client следит за именем :db, а :name_linker связывается с ним (в Ergo — MonitorProcessID и LinkProcessID). Затем :db снимает регистрацию своего имени и продолжает жить. В Ergo это приводит в действие и то и другое: :client получает MessageDownProcessID с ErrUnregistered, а :name_linker завершается с этой причиной, хотя :db продолжает работать. На BEAM монитор по имени следит за тем pid, которому принадлежало имя в момент установки монитора, поэтому ничего не происходит, пока :db позже не упадёт: тогда в DOWN указано {:db, node}, а связь уносит с собой :name_linker.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ergo: a DOWN overtakes the messages before it</source>
        <translation>Ergo: DOWN обгоняет сообщения, отправленные раньше него</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>:producer sends jobs to a slow :consumer and ends at once; :consumer monitors it. In Ergo a process has queues drained Urgent, then System, then Main: the DOWN goes to System and is handled next, before the jobs the producer sent before it died (the mailbox shows three counters: Urgent, System, Main). On the BEAM one queue keeps the order of sending (R4.2): the DOWN comes after the last job.</source>
        <translation>:producer отправляет задания медленному :consumer и сразу завершается; :consumer следит за ним. В Ergo у процесса несколько очередей, которые разбираются по порядку: Urgent (срочная), затем System (системная), затем Main (основная). DOWN попадает в System и обрабатывается следующим — раньше заданий, которые производитель отправил до своей смерти (почтовый ящик показывает три счётчика: Urgent, System, Main). На BEAM единственная очередь сохраняет порядок отправки (R4.2): DOWN приходит после последнего задания.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ergo: kill can be trapped, a parent&apos;s exit cannot</source>
        <translation>Ergo: kill можно перехватить, а выход родителя — нельзя</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>:director sends an exit with reason kill to :trapper (trapping exits) and :plain, and :shutdown to :parent, whose linked :child traps exits. In Ergo the kill is trapped like any exit (MessageExitPID with TerminateReasonKill): :trapper lives, :plain terminates; and :child terminates although it traps, because a process never traps its parent&apos;s exit. Later the node&apos;s Kill ends :trapper: nothing refuses it. On the BEAM kill is untrappable (both end with :killed) and :child traps {:EXIT, parent, :shutdown} and lives.</source>
        <translation>:director отправляет сигнал выхода с причиной kill процессам :trapper (перехватывает выходы) и :plain, а :shutdown — процессу :parent, связанный с которым :child перехватывает выходы. В Ergo kill перехватывается, как любой другой выход (MessageExitPID с TerminateReasonKill): :trapper живёт, :plain завершается; а :child завершается, хотя и перехватывает выходы, потому что процесс никогда не перехватывает выход своего родителя. Позже Kill узла завершает :trapper: от него ничто не защищает. На BEAM kill перехватить нельзя (оба завершаются с :killed), а :child перехватывает {:EXIT, parent, :shutdown} и продолжает жить.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ergo: links across nodes and a partition</source>
        <translation>Ergo: связи между узлами и разделение сети</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Two nodes, :&quot;a@host&quot; and :&quot;b@host&quot;. On a, :dependent links to :remote on b, and :node_watcher (trapping) links to node b and monitors it (LinkNode, MonitorNode in Ergo). Then a is partitioned from b. In Ergo every local link and monitor of something on b fires with ErrNoConnection: :dependent terminates, :node_watcher gets MessageExitNode and MessageDownNode, and :remote lives on (its end had no link back). After the heal nothing is restored. On the BEAM the link fires on both sides: :remote dies with :noconnection too.</source>
        <translation>Два узла: :&quot;a@host&quot; и :&quot;b@host&quot;. На a процесс :dependent связывается с :remote на b, а :node_watcher (перехватывает выходы) связывается с узлом b и следит за ним (в Ergo — LinkNode и MonitorNode). Затем сеть между a и b разделяется. В Ergo каждая локальная связь и каждый монитор, направленные на что-либо на b, срабатывают с ErrNoConnection: :dependent завершается, :node_watcher получает MessageExitNode и MessageDownNode, а :remote продолжает жить (с его стороны обратной связи не было). После восстановления ничего не возвращается. На BEAM связь срабатывает на обеих сторонах: :remote тоже умирает с :noconnection.</translation>
    </message>
</context>
<context>
    <name>SlowMotion</name>
    <message>
        <location filename="../../views/SlowMotion.cpp" line="+15"/>
        <source> Slow motion </source>
        <translation> Замедление </translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+9"/>
        <source>off</source>
        <translation>выкл.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 ms</source>
        <translation>%1 мс</translation>
    </message>
</context>
<context>
    <name>Source</name>
    <message>
        <location filename="../../views/observer/Source.h" line="+110"/>
        <source>%1 follows the BEAM&apos;s rules: it has no Ergo links or monitors</source>
        <translation>%1 работает по правилам BEAM: связей и мониторов Ergo там нет</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+4"/>
        <source>%1 follows the BEAM&apos;s rules: it has no aliases</source>
        <translation>%1 следует правилам BEAM: псевдонимов там нет</translation>
    </message>
</context>
<context>
    <name>actorscope::app::CompareWindow</name>
    <message>
        <location filename="../../app/CompareWindow.cpp" line="+120"/>
        <location line="+328"/>
        <source>Ergo</source>
        <translation>Ergo</translation>
    </message>
    <message>
        <location line="-328"/>
        <location line="+328"/>
        <source>BEAM</source>
        <translation>BEAM</translation>
    </message>
    <message>
        <location line="-323"/>
        <source>The Ergo Framework&apos;s rules: one-way links, kill can be trapped, three queues</source>
        <translation>Правила Ergo Framework: односторонние связи, kill можно перехватить, три очереди</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The BEAM&apos;s rules: links both ways, kill cannot be trapped, one mailbox</source>
        <translation>Правила BEAM: двусторонние связи, kill нельзя перехватить, один почтовый ящик</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Processes alive and ended on this side, and which are alive on one side only</source>
        <translation>Процессы, живые и завершённые на этой стороне, и какие живы только на одной стороне</translation>
    </message>
    <message>
        <location line="+88"/>
        <source>Time</source>
        <translation>Время</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Restart</source>
        <translation>Заново</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start the scenario again on both sides (Ctrl+R)</source>
        <translation>Запустить сценарий заново на обеих сторонах (Ctrl+R)</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+161"/>
        <source>Play</source>
        <translation>Пуск</translation>
    </message>
    <message>
        <location line="-161"/>
        <source>Run both sides at the same virtual time (Space)</source>
        <translation>Выполнять обе стороны в одном и том же виртуальном времени (Space)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Step</source>
        <translation>Шаг</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deliver the next signal on both sides, at the same moment (.)</source>
        <translation>Доставить следующий сигнал на обеих сторонах в один и тот же момент (.)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source> Speed </source>
        <translation> Скорость </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Virtual time per second of Play</source>
        <translation>Виртуальное время за секунду выполнения</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Delay on every signal between processes, per hop (0 to 2000 ms), on both sides</source>
        <translation>Задержка каждого сигнала между процессами, на каждый переход (от 0 до 2000 мс), на обеих сторонах</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The virtual time both sides are at</source>
        <translation>Виртуальное время, в котором находятся обе стороны</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Ghosts</source>
        <translation>Призраки</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep the processes that ended drawn, faded, with their reason, until Restart (a click lets one go)</source>
        <translation>Оставлять завершённые процессы на графе, бледными, с причиной, до перезапуска (щелчок убирает призрака)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Presentation</source>
        <translation>Презентация</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Full screen, large text for the back of the room (F11)</source>
        <translation>Во весь экран, крупный текст для задних рядов (F11)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Process</source>
        <translation>Процесс</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Kill</source>
        <translation>Убить</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The kill nothing traps, on both sides: Process.exit(pid, :kill) on the BEAM, the node&apos;s Kill in Ergo (K)</source>
        <translation>Убийство, которое ничто не перехватит, на обеих сторонах: Process.exit(pid, :kill) на BEAM, Kill узла в Ergo (K)</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+530"/>
        <source>Exit with reason</source>
        <translation>Завершить с причиной</translation>
    </message>
    <message>
        <location line="-530"/>
        <source>Process.exit(pid, reason) on both sides</source>
        <translation>Process.exit(pid, reason) на обеих сторонах</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The exit reason, in Elixir syntax: :normal, :kill, {:shutdown, :tired} ...</source>
        <translation>Причина выхода в синтаксисе Elixir: :normal, :kill, {:shutdown, :tired} ...</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+531"/>
        <source>Send message</source>
        <translation>Отправить сообщение</translation>
    </message>
    <message>
        <location line="-531"/>
        <source>send(pid, message) on both sides</source>
        <translation>send(pid, message) на обеих сторонах</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The message, in Elixir syntax</source>
        <translation>Сообщение в синтаксисе Elixir</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Actorscope %1 Compare semantics: %2</source>
        <translation>Actorscope %1 Сравнение семантик: %2</translation>
    </message>
    <message>
        <location line="+87"/>
        <source>Pause</source>
        <translation>Пауза</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Nothing is pending on either side</source>
        <translation>Ни на одной из сторон ничего не ожидает доставки</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>%1: the scenario failed: %2</source>
        <translation>%1: сбой сценария: %2</translation>
    </message>
    <message>
        <location line="+291"/>
        <source>Process.flag(:trap_exit, true) in %1</source>
        <translation>Process.flag(:trap_exit, true) в %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Process.flag(:trap_exit, false) in %1</source>
        <translation>Process.flag(:trap_exit, false) в %1</translation>
    </message>
    <message>
        <location line="+26"/>
        <location line="+5"/>
        <source>%1 never ran on this side</source>
        <translation>%1 не запускался на этой стороне</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no process is registered as %1 here</source>
        <translation>здесь нет процесса с именем %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the name %1</source>
        <translation>имя %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 links to %2 (one-way)</source>
        <translation>%1 связан с %2 (в одну сторону)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 monitors %2</source>
        <translation>%1 наблюдает за %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Process.link: %1 and %2 linked both ways</source>
        <translation>Process.link: %1 и %2 связаны в обе стороны</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Process.monitor: %1 monitors %2</source>
        <translation>Process.monitor: %1 наблюдает за %2</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Ended on both sides</source>
        <translation>Завершён на обеих сторонах</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Ended in Ergo: acts on the BEAM only</source>
        <translation>Завершён в Ergo: действует только на BEAM</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Not in Ergo: acts on the BEAM only</source>
        <translation>Нет в Ergo: действует только на BEAM</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ended on the BEAM: acts in Ergo only</source>
        <translation>Завершён на BEAM: действует только в Ergo</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Not on the BEAM: acts in Ergo only</source>
        <translation>Нет на BEAM: действует только в Ergo</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Kill on both sides (untrappable; Ergo: the node&apos;s Kill)</source>
        <translation>Убить на обеих сторонах (не перехватывается; в Ergo — Kill узла)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Exit with reason...</source>
        <translation>Завершить с причиной...</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Process.exit(%1, reason) on both sides. The reason, in Elixir syntax:</source>
        <translation>Process.exit(%1, причина) на обеих сторонах. Причина в синтаксисе Elixir:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Send message...</source>
        <translation>Отправить сообщение...</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>send(%1, message) on both sides. The message, in Elixir syntax:</source>
        <translation>send(%1, сообщение) на обеих сторонах. Сообщение в синтаксисе Elixir:</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>trap_exit (both sides)</source>
        <translation>trap_exit (обе стороны)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Ergo: link and monitor</source>
        <translation>Ergo: связь и наблюдение</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Link to a process (by pid)...</source>
        <translation>Связать с процессом (по pid)...</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Link to a registered name...</source>
        <translation>Связать с зарегистрированным именем...</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Monitor a process (by pid)...</source>
        <translation>Наблюдать за процессом (по pid)...</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Monitor a registered name...</source>
        <translation>Наблюдать за зарегистрированным именем...</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Ergo: a one-way link (the target&apos;s end reaches this process, not the other way). The BEAM: Process.link, both ways.</source>
        <translation>Ergo: связь в одну сторону (завершение цели доходит до этого процесса, но не наоборот). BEAM: Process.link, в обе стороны.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ergo: a monitor, by name too (ErrUnregistered when the name goes). The BEAM: Process.monitor of the pid.</source>
        <translation>Ergo: наблюдение, в том числе по имени (ErrUnregistered, когда имя исчезает). BEAM: Process.monitor этого pid.</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>No other process to link to or monitor</source>
        <translation>Нет другого процесса, с которым можно связаться или за которым наблюдать</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Link to</source>
        <translation>Связать с</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Monitor</source>
        <translation>Наблюдать</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Which registered name should %1 link to? In Ergo the link fires ErrUnregistered when the name goes; the BEAM links both ways to the pid the name has now.</source>
        <translation>С каким зарегистрированным именем связать %1? В Ergo связь срабатывает с ErrUnregistered, когда имя исчезает; BEAM связывает в обе стороны с pid, который сейчас носит это имя.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Which registered name should %1 monitor? In Ergo the monitor fires ErrUnregistered when the name goes; the BEAM monitors the pid the name has now.</source>
        <translation>За каким зарегистрированным именем наблюдать %1? В Ergo наблюдение срабатывает с ErrUnregistered, когда имя исчезает; BEAM наблюдает за pid, который сейчас носит это имя.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Which process should %1 link to? One-way in Ergo, both ways on the BEAM.</source>
        <translation>С каким процессом связать %1? В Ergo — в одну сторону, на BEAM — в обе.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Which process should %1 monitor?</source>
        <translation>За каким процессом наблюдать %1?</translation>
    </message>
    <message>
        <location line="-430"/>
        <source>last exit: %1 %2</source>
        <translation>последний выход: %1 %2</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>no exit yet</source>
        <translation>выходов пока не было</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>%1 alive, %2 dead</source>
        <translation>живых: %1, мёртвых: %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>alive only here: %1</source>
        <translation>живы только здесь: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>alive only in Ergo: %1</source>
        <translation>живы только в Ergo: %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>alive only on the BEAM: %1</source>
        <translation>живы только на BEAM: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the same processes alive on both sides</source>
        <translation>на обеих сторонах живы одни и те же процессы</translation>
    </message>
    <message>
        <location line="+81"/>
        <source>dead: %1</source>
        <translation>мёртв: %1</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>t = %1 s</source>
        <translation>t = %1 с</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No process selected: click one on either side</source>
        <translation>Процесс не выбран: щёлкните процесс на любой из сторон</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>ended in Ergo</source>
        <translation>завершился в Ergo</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>ended on the BEAM</source>
        <translation>завершился на BEAM</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Selected: %1</source>
        <translation>Выбран: %1</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>BEAM: %1  |  Ergo: %2</source>
        <translation>BEAM: %1  |  Ergo: %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>  (paused: Step delivers it)</source>
        <translation>  (пауза: «Шаг» доставит его)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 has already ended, nothing sent</source>
        <translation>%1 уже завершился, ничего не отправлено</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 never ran on this side, nothing sent</source>
        <translation>%1 не запускался на этой стороне, ничего не отправлено</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>refused: %1</source>
        <translation>отказано: %1</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Kill(%1), the node&apos;s forced kill</source>
        <translation>Kill(%1), узел принудительно убивает процесс</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Process.exit(%1, :kill)</source>
        <translation>Process.exit(%1, :kill)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Select a process first: click it on either side</source>
        <translation>Сначала выберите процесс: щёлкните его на любой из сторон</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Not an exit reason: %1</source>
        <translation>Не причина выхода: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Process.exit(%1, %2)</source>
        <translation>Process.exit(%1, %2)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Not a message: %1</source>
        <translation>Не сообщение: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>send(%1, %2)</source>
        <translation>send(%1, %2)</translation>
    </message>
</context>
<context>
    <name>actorscope::app::Exporter</name>
    <message>
        <location filename="../../app/Export.cpp" line="+4"/>
        <source>&amp;Export</source>
        <translation>&amp;Экспорт</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Graph as &amp;PNG...</source>
        <translation>Граф в &amp;PNG...</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>PNG images (*.png)</source>
        <translation>Изображения PNG (*.png)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Graph as &amp;SVG...</source>
        <translation>Граф в &amp;SVG...</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>SVG images (*.svg)</source>
        <translation>Изображения SVG (*.svg)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Process table as &amp;CSV...</source>
        <translation>Таблица процессов в &amp;CSV...</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>CSV files (*.csv)</source>
        <translation>Файлы CSV (*.csv)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Event log as &amp;JSON Lines...</source>
        <translation>Журнал событий в &amp;JSON Lines...</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>JSON Lines (*.jsonl)</source>
        <translation>JSON Lines (*.jsonl)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Topology as &amp;DOT...</source>
        <translation>Топология в &amp;DOT...</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Graphviz DOT (*.dot *.gv)</source>
        <translation>Graphviz DOT (*.dot *.gv)</translation>
    </message>
</context>
<context>
    <name>actorscope::app::MainWindow</name>
    <message>
        <location filename="../../app/MainWindow.cpp" line="+114"/>
        <source>Filter processes (name, pid, status...)</source>
        <translation>Фильтр процессов (имя, pid, статус...)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Graph</source>
        <translation>&amp;Граф</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Processes</source>
        <translation>&amp;Процессы</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Open the group</source>
        <translation>Открыть группу</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Draw its %L1 processes one by one? The graph gets crowded; the Processes tab lists them all.</source>
        <translation>Нарисовать все её процессы по одному (всего %L1)? Граф станет перегруженным; на вкладке «Процессы» перечислены они все.</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Ergo mode</source>
        <translation>Режим Ergo</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The runtime follows the Ergo Framework&apos;s rules (Scenario &gt; Ergo semantics)</source>
        <translation>Среда выполнения следует правилам Ergo Framework (Сценарий &gt; Семантика Ergo)</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>The scenario is set up and paused: press Space (Resume) to run it</source>
        <translation>Сценарий подготовлен и стоит на паузе: нажмите Space (Продолжить), чтобы запустить его</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&lt;b&gt;As a script&lt;/b&gt; &amp;nbsp;&lt;code&gt;%1&lt;/code&gt;</source>
        <translation>&lt;b&gt;В виде скрипта&lt;/b&gt; &amp;nbsp;&lt;code&gt;%1&lt;/code&gt;</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>Deterministic mode: the scenario restarted; Step delivers one signal at a time</source>
        <translation>Детерминированный режим: сценарий перезапущен; «Шаг» доставляет по одному сигналу</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Live mode: the scenario restarted on all cores</source>
        <translation>Режим реального времени: сценарий перезапущен на всех ядрах</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Ergo mode: the scenario restarted under the Ergo Framework&apos;s rules (one-way links, three queues, Kill cannot be trapped but an exit :kill can)</source>
        <translation>Режим Ergo: сценарий перезапущен по правилам Ergo Framework (односторонние связи, три очереди, Kill перехватить нельзя, а выход :kill — можно)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>BEAM mode: the scenario restarted under the BEAM&apos;s rules</source>
        <translation>Режим BEAM: сценарий перезапущен по правилам BEAM</translation>
    </message>
    <message>
        <location line="+9"/>
        <location filename="../../app/MainWindowActions.cpp" line="+243"/>
        <source>Resume</source>
        <translation>Продолжить</translation>
    </message>
    <message>
        <location line="+0"/>
        <location filename="../../app/MainWindowUi.cpp" line="+77"/>
        <source>Pause</source>
        <translation>Пауза</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 went away: this is their last picture (File &gt; Reconnect)</source>
        <translation>Узлы %1 больше недоступны: это их последний снимок (Файл &gt; Переподключиться к узлу)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 went away: this is its last picture (File &gt; Reconnect)</source>
        <translation>Узел %1 больше недоступен: это его последний снимок (Файл &gt; Переподключиться к узлу)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Showing the past: press Live to return</source>
        <translation>Показано прошлое: нажмите «Вживую», чтобы вернуться</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Paused: Space resumes, . steps</source>
        <translation>Пауза: Space — продолжить, . — шаг</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Paused: Space resumes</source>
        <translation>Пауза: Space — продолжить</translation>
    </message>
    <message>
        <location filename="../../app/MainWindowActions.cpp" line="-400"/>
        <source>off</source>
        <translation>выкл.</translation>
    </message>
    <message>
        <location filename="../../app/MainWindow.cpp" line="+35"/>
        <source>%1; its processes are shown ended (:noconnection)</source>
        <translation>%1; его процессы показаны завершёнными (:noconnection)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The scenario failed: %1</source>
        <translation>Сбой сценария: %1</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>%1 processes</source>
        <translation>процессов: %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>- msg/s</source>
        <translation>- сообщ./с</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>- exits/s</source>
        <translation>- выходов/с</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 msg/s</source>
        <translation>%1 сообщ./с</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 exits/s</source>
        <translation>%1 выходов/с</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 fps</source>
        <translation>%1 к/с</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 events dropped</source>
        <translation>потеряно событий: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>live</source>
        <translation>реальное время</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>deterministic, t = %1 ms</source>
        <translation>детерминированный, t = %1 мс</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>, %1 pending</source>
        <translation>, в очереди: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> (paused)</source>
        <translation> (пауза)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>, fast-forwarding %L1 events</source>
        <translation>, перемотка событий: %L1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>, time compressed %1x</source>
        <translation>, сжатие времени %1x</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 went away</source>
        <translation>узел %1 больше недоступен</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>attached to %1</source>
        <translation>подключено: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>, %L1 events sampled out by the agent</source>
        <translation>, отсеяно агентом при выборке событий: %L1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>replay of %1 (live runtime paused)</source>
        <translation>воспроизведение %1 (среда выполнения на паузе)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>time travel (the recording); </source>
        <translation>путешествие во времени (запись); </translation>
    </message>
    <message>
        <location line="+75"/>
        <source>Running %1 in the console</source>
        <translation>%1 выполняется в консоли</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Could not run %1: see the console</source>
        <translation>Не удалось выполнить %1: см. консоль</translation>
    </message>
    <message>
        <location line="+26"/>
        <source> (Ergo mode)</source>
        <translation> (режим Ergo)</translation>
    </message>
    <message>
        <location filename="../../app/MainWindowActions.cpp" line="-41"/>
        <location line="+263"/>
        <location line="+39"/>
        <source>Refused: </source>
        <translation>Отказано: </translation>
    </message>
    <message>
        <location line="-295"/>
        <location line="+3"/>
        <source>Process.exit(%1, :kill)</source>
        <translation>Process.exit(%1, :kill)</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Kill(%1): the node&apos;s forced kill</source>
        <translation>Kill(%1): узел принудительно убивает процесс</translation>
    </message>
    <message>
        <location line="+13"/>
        <location line="+1"/>
        <source>Process.exit(%1, %2)</source>
        <translation>Process.exit(%1, %2)</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+1"/>
        <source>send(%1, %2)</source>
        <translation>send(%1, %2)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>trap_exit of %1 is now %2</source>
        <translation>trap_exit процесса %1 теперь %2</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>on</source>
        <translation>вкл.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Suspending %1 (every call to it waits, or times out, until it is resumed)</source>
        <translation>Приостановка %1 (каждый вызов к нему будет ждать или завершится по тайм-ауту, пока его не возобновят)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resuming %1</source>
        <translation>Возобновление %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 suspended</source>
        <translation>%1 приостановлен</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 resumed</source>
        <translation>%1 возобновлён</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Register a name</source>
        <translation>Зарегистрировать имя</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Name for %1 (an atom, without the colon):</source>
        <translation>Имя для %1 (атом, без двоеточия):</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Process.register(%1, %2)</source>
        <translation>Process.register(%1, %2)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Linked %1 and %2 (Process.link)</source>
        <translation>%1 и %2 связаны (Process.link)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Could not link: </source>
        <translation>Не удалось связать: </translation>
    </message>
    <message>
        <location line="+8"/>
        <source>the name %1</source>
        <translation>имя %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../app/MainWindowAttach.cpp" line="+317"/>
        <source>node %1</source>
        <translation>узел %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 now links to %2 (one-way: it gets an exit when %2 goes)</source>
        <translation>Создана связь %1 → %2 (односторонняя: %1 получит сигнал выхода, когда %2 исчезнет)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 no longer links to %2</source>
        <translation>Связи %1 → %2 больше нет</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 now monitors %2</source>
        <translation>Поставлен монитор %1 → %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 no longer monitors %2</source>
        <translation>Монитора %1 → %2 больше нет</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>No other node: %1 runs on the only node, and a process cannot link to or monitor its own node</source>
        <translation>Других узлов нет: %1 работает на единственном узле, а процесс не может связаться со своим собственным узлом или следить за ним</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+87"/>
        <location line="+83"/>
        <source>Link to</source>
        <translation>Связать с</translation>
    </message>
    <message>
        <location line="-169"/>
        <location line="+94"/>
        <location line="+77"/>
        <source>Unlink</source>
        <translation>Разорвать связь с</translation>
    </message>
    <message>
        <location line="-170"/>
        <location line="+89"/>
        <location line="+80"/>
        <source>Monitor</source>
        <translation>Следить за</translation>
    </message>
    <message>
        <location line="-168"/>
        <location line="+96"/>
        <location line="+74"/>
        <source>Demonitor</source>
        <translation>Перестать следить за</translation>
    </message>
    <message>
        <location line="-163"/>
        <source>Which process should %1 link to?</source>
        <translation>С каким процессом связать %1?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Which registered name should %1 link to? It must be registered now (a free name is ErrProcessUnknown); the link fires ErrUnregistered when the name goes.</source>
        <translation>С каким зарегистрированным именем связать %1? Имя должно быть зарегистрировано сейчас (свободное имя — ErrProcessUnknown); связь сработает с ErrUnregistered, когда имя исчезнет.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Which node should %1 link to?</source>
        <translation>С каким узлом связать %1?</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Which process should %1 monitor?</source>
        <translation>За каким процессом должен следить %1?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Which registered name should %1 monitor? It must be registered now (a free name is ErrProcessUnknown); the monitor fires ErrUnregistered when the name goes.</source>
        <translation>За каким зарегистрированным именем должен следить %1? Имя должно быть зарегистрировано сейчас (свободное имя — ErrProcessUnknown); монитор сработает с ErrUnregistered, когда имя исчезнет.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Which node should %1 monitor?</source>
        <translation>За каким узлом должен следить %1?</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Which process should %1 no longer link to?</source>
        <translation>Связь с каким процессом разорвать для %1?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Which name should %1 no longer link to?</source>
        <translation>Связь с каким именем разорвать для %1?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Which node should %1 no longer link to?</source>
        <translation>Связь с каким узлом разорвать для %1?</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Which process should %1 stop monitoring?</source>
        <translation>За каким процессом %1 должен перестать следить?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Which name should %1 stop monitoring?</source>
        <translation>За каким именем %1 должен перестать следить?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Which node should %1 stop monitoring?</source>
        <translation>За каким узлом %1 должен перестать следить?</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>no process is %1</source>
        <translation>нет процесса %1</translation>
    </message>
    <message>
        <location line="+124"/>
        <source>Ergo links and monitors</source>
        <translation>Связи и мониторы Ergo</translation>
    </message>
    <message>
        <location line="-230"/>
        <source>the alias %1</source>
        <translation>псевдоним %1</translation>
    </message>
    <message>
        <location line="+142"/>
        <source>No alias to choose: make one first (select a process, then Process &gt; Ergo links and monitors &gt; Create alias)</source>
        <translation>Нет псевдонима для выбора: сначала создайте его (выберите процесс, затем Процесс &gt; Связи и мониторы Ergo &gt; Создать псевдоним)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Which alias should %1 link to? The link fires ErrUnregistered when the alias is deleted.</source>
        <translation>С каким псевдонимом связать %1? Связь сработает с ErrUnregistered, когда псевдоним удалят.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Which alias should %1 monitor? The monitor fires ErrUnregistered when the alias is deleted.</source>
        <translation>За каким псевдонимом следить %1? Монитор сработает с ErrUnregistered, когда псевдоним удалят.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Which alias should %1 no longer link to?</source>
        <translation>С каким псевдонимом %1 больше не должен быть связан?</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Which alias should %1 stop monitoring?</source>
        <translation>За каким псевдонимом %1 должен перестать следить?</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 is not an alias (#Reference&lt;...&gt;)</source>
        <translation>%1 — не псевдоним (#Reference&lt;...&gt;)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1 has a new alias %2: link to it or monitor it (Process &gt; Ergo links and monitors &gt; ... an alias); deleting it fires them with ErrUnregistered</source>
        <translation>У %1 новый псевдоним %2: свяжитесь с ним или следите за ним (Процесс &gt; Связи и мониторы Ergo &gt; ... псевдонимом); его удаление вызовет их срабатывание с ErrUnregistered</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>%1 has no alias to delete</source>
        <translation>У %1 нет псевдонима для удаления</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Delete alias</source>
        <translation>Удалить псевдоним</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Which alias of %1 should go? What links to it or monitors it fires with ErrUnregistered; %1 lives on.</source>
        <translation>Какой псевдоним %1 удалить? Связи и мониторы на нём сработают с ErrUnregistered; %1 продолжит работать.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Deleted the alias %1 of %2</source>
        <translation>Псевдоним %1 процесса %2 удалён</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Ergo mode: one-way links and monitors by pid, registered name, alias or node</source>
        <translation>Режим Ergo: односторонние связи и мониторы по pid, зарегистрированному имени, псевдониму или узлу</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>a process (by pid)...</source>
        <translation>процессом (по pid)...</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a registered name...</source>
        <translation>зарегистрированным именем...</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>an alias...</source>
        <translation>псевдонимом...</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a node...</source>
        <translation>узлом...</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Create alias</source>
        <translation>Создать псевдоним</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A new alias of the selected process: others can link to it or monitor it by alias</source>
        <translation>Новый псевдоним выбранного процесса: другие могут связаться с ним или следить за ним по псевдониму</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete alias...</source>
        <translation>Удалить псевдоним...</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Deletes one of the selected process&apos;s aliases: what links to it or monitors it fires ErrUnregistered</source>
        <translation>Удаляет один из псевдонимов выбранного процесса: связи и мониторы на нём срабатывают с ErrUnregistered</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Signals between %1 and %2 now take %3 ms longer</source>
        <translation>Сигналы между %1 и %2 теперь идут на %3 мс дольше</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Healed the partition between %1 and %2: they connect again on next use</source>
        <translation>Разделение сети между %1 и %2 устранено: они снова соединятся при следующем обращении</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cut the connection between %1 and %2: links and monitors across it fire :noconnection on both sides. Click the broken connection to heal it.</source>
        <translation>Соединение между %1 и %2 разорвано: связи и мониторы через него срабатывают с :noconnection на обеих сторонах. Щёлкните разорванное соединение, чтобы восстановить его.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 now monitors %2 (Process.monitor)</source>
        <translation>%1 теперь следит за %2 (Process.monitor)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Could not monitor: </source>
        <translation>Не удалось поставить монитор: </translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Spawned %1: %2</source>
        <translation>Запущен %1: %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Could not spawn %1: %2</source>
        <translation>Не удалось запустить %1: %2</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Blast radius: %1 terminate, %2 get MessageExitPID, %3 get MessageDownPID</source>
        <translation>Радиус поражения: завершатся — %1, получат MessageExitPID — %2, получат MessageDownPID — %3</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Blast radius: %1 die, %2 get an EXIT message, %3 get a DOWN</source>
        <translation>Радиус поражения: умрут — %1, получат сообщение EXIT — %2, получат DOWN — %3</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The graph shows the past</source>
        <translation>Граф показывает прошлое</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Press Live on the timeline to act on processes</source>
        <translation>Нажмите «Вживую» на шкале времени, чтобы управлять процессами</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Kill (untrappable)</source>
        <translation>Убить (без перехвата)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Kill (the node&apos;s Kill: forced)</source>
        <translation>Убить (Kill узла: принудительно)</translation>
    </message>
    <message>
        <location line="+4"/>
        <location filename="../../app/MainWindowUi.cpp" line="+11"/>
        <source>Exit with reason...</source>
        <translation>Завершить с причиной...</translation>
    </message>
    <message>
        <location line="+3"/>
        <location filename="../../app/MainWindowUi.cpp" line="+1"/>
        <source>Send message...</source>
        <translation>Отправить сообщение...</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>trap_exit</source>
        <translation>trap_exit</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Suspend</source>
        <translation>Приостановить</translation>
    </message>
    <message>
        <location line="+5"/>
        <location filename="../../app/MainWindowUi.cpp" line="+5"/>
        <source>Register a name...</source>
        <translation>Зарегистрировать имя...</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Expand its subtree (%L1 processes)</source>
        <translation>Развернуть его поддерево (процессов: %L1)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Collapse its subtree</source>
        <translation>Свернуть его поддерево</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Unpin (let the layout place it)</source>
        <translation>Открепить (пусть раскладка разместит сама)</translation>
    </message>
    <message>
        <location filename="../../app/MainWindowAnalysis.cpp" line="+49"/>
        <source>Charts</source>
        <translation>Графики</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Fault injection</source>
        <translation>Внедрение сбоев</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Timeline</source>
        <translation>Шкала времени</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Stretch as animation (MP4 or GIF)...</source>
        <translation>Отрезок как анимация (MP4 или GIF)...</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stretch as PNG frames...</source>
        <translation>Отрезок как кадры PNG...</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>a session without a built-in scenario</source>
        <translation>сеанс без встроенного сценария</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the scenario &lt;b&gt;%1&lt;/b&gt;</source>
        <translation>сценарий &lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&lt;h3&gt;Replay of %1&lt;/h3&gt;&lt;p&gt;Recorded from %2 (%3 runtime) by %4%5: %6 events over %7 s.&lt;/p&gt;&lt;p&gt;Scrub on the timeline, play forward or back at 0.1x to 10x, click a marker to jump to an exit, a restart or a fault. Shift+drag on the timeline selects a stretch; right-click it to copy it as a Mermaid sequence diagram.&lt;/p&gt;&lt;p&gt;The live scenario is paused meanwhile: press &lt;b&gt;Live&lt;/b&gt; to return to it.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Воспроизведение %1&lt;/h3&gt;&lt;p&gt;Источник: %2 (среда выполнения: %3). Записал %4%5. Событий: %6 за %7 с.&lt;/p&gt;&lt;p&gt;Перемещайтесь по шкале времени, воспроизводите вперёд или назад со скоростью от 0.1x до 10x, щёлкните метку, чтобы перейти к выходу, перезапуску или сбою. Shift+перетаскивание на шкале времени выделяет отрезок; щёлкните по нему правой кнопкой, чтобы скопировать его как диаграмму последовательности Mermaid.&lt;/p&gt;&lt;p&gt;Текущий сценарий тем временем стоит на паузе: нажмите &lt;b&gt;Вживую&lt;/b&gt;, чтобы вернуться к нему.&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>deterministic</source>
        <translation>детерминированная</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>threaded</source>
        <translation>многопоточная</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>, Ergo mode</source>
        <translation>, режим Ergo</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> at %1</source>
        <translation> в %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Replaying %1 (%2 events); the live runtime is paused until you press Live</source>
        <translation>Воспроизведение %1 (событий: %2); среда выполнения на паузе, пока вы не нажмёте «Вживую»</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Time travel: the graph shows the recording; press Live to return</source>
        <translation>Путешествие во времени: граф показывает запись; нажмите «Вживую», чтобы вернуться</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Live again</source>
        <translation>Снова вживую</translation>
    </message>
    <message>
        <location filename="../../app/MainWindowAttach.cpp" line="-51"/>
        <source>Attached read-only: actions are refused (attach without read-only to act)</source>
        <translation>Подключение только для чтения: действия отклоняются (чтобы выполнять действия, подключитесь без режима только для чтения)</translation>
    </message>
    <message>
        <location filename="../../app/MainWindowAnalysis.cpp" line="+18"/>
        <source>The graph shows the past: press Live on the timeline to act on the running processes</source>
        <translation>Граф показывает прошлое: нажмите «Вживую» на шкале времени, чтобы управлять работающими процессами</translation>
    </message>
    <message>
        <location line="+45"/>
        <location line="+14"/>
        <location line="+17"/>
        <source>Export animation</source>
        <translation>Экспорт анимации</translation>
    </message>
    <message>
        <location line="-31"/>
        <source>Nothing is recorded yet: run a scenario or open a recording first.</source>
        <translation>Пока ничего не записано: сначала запустите сценарий или откройте запись.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Folder for the PNG frames</source>
        <translation>Папка для кадров PNG</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>MP4 video (*.mp4);;Animated GIF (*.gif)</source>
        <translation>Видео MP4 (*.mp4);;Анимированный GIF (*.gif)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Rendering the animation...</source>
        <translation>Отрисовка анимации...</translation>
    </message>
    <message>
        <location line="+0"/>
        <location filename="../../app/MainWindowAttach.cpp" line="-168"/>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The animation was not saved: %1</source>
        <translation>Анимация не сохранена: %1</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>Saved %n frame(s) to %1%2</source>
        <translation>
            <numerusform>Сохранён %n кадр в %1%2</numerusform>
            <numerusform>Сохранено %n кадра в %1%2</numerusform>
            <numerusform>Сохранено %n кадров в %1%2</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source> (cut at two minutes)</source>
        <translation> (обрезано до двух минут)</translation>
    </message>
    <message>
        <location filename="../../app/MainWindowUi.cpp" line="-15"/>
        <source>Pause or resume the runtime (Space)</source>
        <translation>Приостановить или продолжить выполнение (Space)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Step</source>
        <translation>Шаг</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deliver one pending signal (deterministic mode) (.)</source>
        <translation>Доставить один ожидающий сигнал (детерминированный режим) (.)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reset scenario</source>
        <translation>Сбросить сценарий</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fit to view</source>
        <translation>Вписать в окно</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Kill</source>
        <translation>Убить</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Toggle trap_exit</source>
        <translation>Переключить trap_exit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Suspend / Resume</source>
        <translation>Приостановить / возобновить</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Legend</source>
        <translation>Легенда</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Run script...</source>
        <translation>Выполнить &amp;скрипт...</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Run an Elixir script in the console</source>
        <translation>Выполнить скрипт Elixir в консоли</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Elixir scripts (*.exs *.ex);;All files (*)</source>
        <translation>Скрипты Elixir (*.exs *.ex);;Все файлы (*)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Run an .exs file in the console&apos;s live session, as if typed at the iex prompt</source>
        <translation>Выполнить файл .exs в текущем сеансе консоли, как если бы он был введён в приглашении iex</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+190"/>
        <source>Spawn</source>
        <translation>Запустить</translation>
    </message>
    <message>
        <location line="-180"/>
        <source>&amp;File</source>
        <translation>&amp;Файл</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Attach to node...</source>
        <translation>&amp;Подключиться к узлу...</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show a live Erlang or Elixir node (OTP 25+) in this window</source>
        <translation>Показать работающий узел Erlang или Elixir (OTP 25+) в этом окне</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Attach a&amp;nother node...</source>
        <translation>Подключить ещё &amp;один узел...</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add a node of the cluster to the picture: its processes in a region of their own, links across nodes drawn</source>
        <translation>Добавить узел кластера в картину: его процессы в своей области, связи между узлами видны</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Reconnect to the node</source>
        <translation>П&amp;ереподключиться к узлу</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Detach from the node</source>
        <translation>&amp;Отключиться от узла</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Leave the node (the agent removes itself) and return to the scenario</source>
        <translation>Покинуть узел (агент удаляет себя сам) и вернуться к сценарию</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Quit</source>
        <translation>&amp;Выход</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Scenario</source>
        <translation>&amp;Сценарий</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Ergo semantics</source>
        <translation>Семантика Ergo</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Run the scenario under the Ergo Framework&apos;s rules: one-way links, links and monitors by name and node, the Urgent, System and Main queues</source>
        <translation>Выполнять сценарий по правилам Ergo Framework: односторонние связи, связи и мониторы по имени и узлу, очереди Urgent (срочная), System (системная) и Main (основная)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Ergo semantics restart the scenario under the Ergo Framework&apos;s rules.</source>
        <translation>Переключение на семантику Ergo перезапустит сценарий по правилам Ergo Framework.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>BEAM semantics restart the scenario under the BEAM&apos;s rules.</source>
        <translation>Переключение на семантику BEAM перезапустит сценарий по правилам BEAM.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Process</source>
        <translation>&amp;Процесс</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Link: Shift+drag from one process to another</source>
        <translation>Связь: Shift+перетаскивание от одного процесса к другому</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Monitor: Ctrl+Shift+drag from watcher to target</source>
        <translation>Монитор: Ctrl+Shift+перетаскивание от следящего к цели</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;View</source>
        <translation>&amp;Вид</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Zoom in</source>
        <translation>Увеличить</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zoom out</source>
        <translation>Уменьшить</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Find process</source>
        <translation>Найти процесс</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Compare semantics</source>
        <translation>Сравнение семантик</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The scenario on a BEAM and an Ergo runtime side by side, stepping and acting together</source>
        <translation>Сценарий на рантаймах BEAM и Ergo рядом: шаги и действия применяются к обоим</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Presentation mode</source>
        <translation>Режим презентации</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Full screen, large text for the back of the room (F11)</source>
        <translation>Полный экран и крупный текст для задних рядов (F11)</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+267"/>
        <source>Language</source>
        <translation>Язык</translation>
    </message>
    <message>
        <location line="-253"/>
        <source>&amp;Help</source>
        <translation>&amp;Справка</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Сочетания клавиш</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keyboard shortcuts</source>
        <translation>Сочетания клавиш</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The &amp;first five minutes</source>
        <translation>&amp;Первые пять минут</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;About Actorscope</source>
        <translation>&amp;О программе Actorscope</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>About &amp;Qt</source>
        <translation>О &amp;Qt</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Time</source>
        <translation>Время</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Scenario</source>
        <translation>Сценарий</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Switching to &quot;%1&quot; starts a new runtime.</source>
        <translation>Переключение на «%1» запускает новую среду выполнения.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Live (threads)</source>
        <translation>Реальное время (потоки)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deterministic (steppable)</source>
        <translation>Детерминированный (по шагам)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Live: the runtime runs on all cores in real time.
Deterministic: one thread, reproducible order; Step delivers one signal at a time.</source>
        <translation>Реальное время: среда выполнения работает на всех ядрах в реальном времени.
Детерминированный: один поток, воспроизводимый порядок; «Шаг» доставляет по одному сигналу.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Live mode restarts the scenario on all cores.</source>
        <translation>Режим реального времени перезапускает сценарий на всех ядрах.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deterministic mode restarts the scenario on one thread, steppable.</source>
        <translation>Детерминированный режим перезапускает сценарий в одном потоке, с выполнением по шагам.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Delay on every signal between processes, per hop (0 to 2000 ms)</source>
        <translation>Задержка каждого сигнала между процессами, на каждый переход (от 0 до 2000 мс)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Find a name or pid</source>
        <translation>Найти имя или pid</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>No process matches &quot;%1&quot;</source>
        <translation>Нет процесса, подходящего под «%1»</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Inspector</source>
        <translation>Инспектор</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scenario: what to try</source>
        <translation>Сценарий: что попробовать</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Event log</source>
        <translation>Журнал событий</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Console (iex)</source>
        <translation>Консоль (iex)</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>The scenario as a script of the console&apos;s Elixir subset: copy it, change it, run it with File &gt; Run script...</source>
        <translation>Сценарий в виде скрипта на подмножестве Elixir, которое понимает консоль: скопируйте его, измените и запустите через Файл &gt; Выполнить скрипт...</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Copy</source>
        <translation>Копировать</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Copy the script to the clipboard</source>
        <translation>Скопировать скрипт в буфер обмена</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 copied to the clipboard</source>
        <translation>%1 скопирован в буфер обмена</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Run in console</source>
        <translation>Выполнить в консоли</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Run the script in the console&apos;s live session: its processes join the graph</source>
        <translation>Выполнить скрипт в текущем сеансе консоли: его процессы появятся на графе</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Shift+drag</source>
        <translation>Shift+перетаскивание</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Link two processes</source>
        <translation>Связать два процесса</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ctrl+Shift+drag</source>
        <translation>Ctrl+Shift+перетаскивание</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Monitor: from the watcher to the target</source>
        <translation>Монитор: от следящего к цели</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>... onto a name</source>
        <translation>... на имя</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ergo mode: link or monitor by the registered name (its badge, or the name under a process)</source>
        <translation>Режим Ergo: связь или монитор по зарегистрированному имени (его значок или имя под процессом)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Right click</source>
        <translation>Правый щелчок</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The process&apos;s menu</source>
        <translation>Меню процесса</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tab, Up/Down, Ctrl+C, Ctrl+P</source>
        <translation>Tab, Up/Down, Ctrl+C, Ctrl+P</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Console: complete, history, interrupt, insert the selected pid</source>
        <translation>Консоль: дополнение, история, прерывание, вставка pid выбранного процесса</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>About Actorscope</source>
        <translation>О программе Actorscope</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;h3&gt;Actorscope %1&lt;/h3&gt;&lt;p&gt;An Erlang-style actor runtime, shown live: processes, links, monitors, mailboxes and the signals that travel between them.&lt;/p&gt;&lt;p&gt;Space pause/resume, . step, K kill, E exit with reason, M send, T trap_exit, U suspend/resume, N register, F fit, Ctrl+F find, Shift+drag link, Ctrl+Shift+drag monitor.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Actorscope %1&lt;/h3&gt;&lt;p&gt;Среда выполнения акторов в стиле Erlang, показанная вживую: процессы, связи, мониторы, почтовые ящики и сигналы, которые передаются между ними.&lt;/p&gt;&lt;p&gt;Space — пауза/продолжить, . — шаг, K — убить, E — завершить с причиной, M — отправить сообщение, T — trap_exit, U — приостановить/возобновить, N — зарегистрировать имя, F — вписать в окно, Ctrl+F — найти, Shift+перетаскивание — связь, Ctrl+Shift+перетаскивание — монитор.&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Actorscope will be in %1 from its next start. Restart now?</source>
        <translation>Язык Actorscope сменится на %1 при следующем запуске. Перезапустить сейчас?</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Restart now</source>
        <translation>Перезапустить сейчас</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Later</source>
        <translation>Позже</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Restart the scenario?</source>
        <translation>Перезапустить сценарий?</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>The timeline&apos;s %n recorded event(s) will be cleared (File &gt; Save recording keeps them).</source>
        <translation>
            <numerusform>%n записанное событие шкалы времени будет удалено (Файл &gt; Сохранить запись сохранит его).</numerusform>
            <numerusform>%n записанных события шкалы времени будут удалены (Файл &gt; Сохранить запись сохранит их).</numerusform>
            <numerusform>%n записанных событий шкалы времени будут удалены (Файл &gt; Сохранить запись сохранит их).</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Restart</source>
        <translation>Перезапустить</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Do not ask again</source>
        <translation>Больше не спрашивать</translation>
    </message>
    <message>
        <location filename="../../app/MainWindowAttach.cpp" line="-39"/>
        <location line="+72"/>
        <source>Already attached to %1</source>
        <translation>Уже подключено к %1</translation>
    </message>
    <message>
        <location line="-33"/>
        <source>Attaching to %1...</source>
        <translation>Подключение к %1...</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+42"/>
        <location line="+193"/>
        <location line="+37"/>
        <source>Attach to node</source>
        <translation>Подключение к узлу</translation>
    </message>
    <message>
        <location line="-263"/>
        <source>: %L1 of %L2</source>
        <translation>: %L1 из %L2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>: %L1</source>
        <translation>: %L1</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Not attached: %1</source>
        <translation>Не подключено: %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+54"/>
        <source>, Elixir</source>
        <translation>, Elixir</translation>
    </message>
    <message>
        <location line="-53"/>
        <location line="+53"/>
        <source>, read-only</source>
        <translation>, только чтение</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Detached from %1: its agent removed itself and its trace flags</source>
        <translation>%1: отключено, агент удалил себя и свои флаги трассировки</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Left %1; its agent did not answer: it removes itself and its trace flags when it notices the connection closed</source>
        <translation>%1: узел покинут, агент не ответил: он удалит себя и свои флаги трассировки, когда заметит, что соединение закрыто</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Read-only on an attached node: the BEAM lets only the process itself set its trap_exit (Process.flag/2). This shows the value the node reports.</source>
        <translation>Только чтение на подключённом узле: BEAM позволяет задать trap_exit только самому процессу (Process.flag/2). Здесь показано значение, которое сообщает узел.</translation>
    </message>
    <message>
        <location line="-27"/>
        <source>The node went away: this is its last picture (File &gt; Reconnect)</source>
        <translation>Узел больше недоступен: это его последний снимок (Файл &gt; Переподключиться к узлу)</translation>
    </message>
    <message>
        <location line="-214"/>
        <source>; the agent traces as a process there (its NIF did not load), which costs a busy node more</source>
        <translation>; агент трассирует там как процесс (его NIF не загрузился), что дороже для нагруженного узла</translation>
    </message>
    <message>
        <location line="+72"/>
        <source>%1 was not added: the session it was to join ended while attaching</source>
        <translation>%1 не добавлен: сеанс, к которому он присоединялся, завершился во время подключения</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Already attached to %1 (as %2)</source>
        <translation>Уже подключено к %1 (как %2)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 was not added: %2</source>
        <translation>%1 не добавлен: %2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 joined the picture (OTP %2%3)%4%5</source>
        <translation>%1 добавлен в картину (OTP %2%3)%4%5</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>Attached to %1 (OTP %2%3)%4%5</source>
        <translation>Подключено к %1 (OTP %2%3)%4%5</translation>
    </message>
    <message>
        <location line="+64"/>
        <source>The nodes went away: this is their last picture (File &gt; Reconnect)</source>
        <translation>Узлы больше недоступны: это их последний снимок (Файл &gt; Переподключиться к узлу)</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>The process is not affected (it does not trap exits, and the reason is :normal).</source>
        <translation>Процесс не затронут (он не перехватывает выходы, а причина — :normal).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No other process dies through links.</source>
        <translation>По связям больше ни один процесс не умрёт.</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Through links, %n more process(es) die: %1.</source>
        <translation>
            <numerusform>По связям умрёт ещё %n процесс: %1.</numerusform>
            <numerusform>По связям умрут ещё %n процесса: %1.</numerusform>
            <numerusform>По связям умрут ещё %n процессов: %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n monitor(s) get a DOWN.</source>
        <translation>
            <numerusform>%n монитор получит DOWN.</numerusform>
            <numerusform>%n монитора получат DOWN.</numerusform>
            <numerusform>%n мониторов получат DOWN.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n process(es) trap the EXIT.</source>
        <translation>
            <numerusform>%n процесс перехватит EXIT.</numerusform>
            <numerusform>%n процесса перехватят EXIT.</numerusform>
            <numerusform>%n процессов перехватят EXIT.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Supervisors may restart what ends.</source>
        <translation>Супервизоры могут перезапустить то, что завершится.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Act on %1?</source>
        <translation>%1: выполнить действие?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 on the live node %2.</source>
        <translation>%1 на работающем узле %2.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Do it</source>
        <translation>Выполнить</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Don&apos;t ask again this session</source>
        <translation>Больше не спрашивать в этом сеансе</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Attach another node</source>
        <translation>Подключить ещё один узел</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>empty: the cookie of %1</source>
        <translation>пусто: cookie узла %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the node&apos;s cookie</source>
        <translation>cookie узла</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>empty: ~/.erlang.cookie</source>
        <translation>пусто: ~/.erlang.cookie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Read-only: observe, refuse every action</source>
        <translation>Только чтение: наблюдать, отклонять все действия</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Actorscope connects as a hidden node, loads a small agent module onto the node and removes it (and every trace flag it set) when it detaches or goes away. The cookie is not saved.</source>
        <translation>Actorscope подключается как скрытый узел, загружает на узел небольшой модуль-агент и удаляет его (вместе со всеми установленными им флагами трассировки) при отключении или потере узла. Cookie не сохраняется.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Node (name@host):</source>
        <translation>Узел (name@host):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cookie:</source>
        <translation>Cookie:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Attach</source>
        <translation>Подключиться</translation>
    </message>
</context>
<context>
    <name>actorscope::app::Tour</name>
    <message>
        <location filename="../../app/Tour.cpp" line="+16"/>
        <source>The first five minutes</source>
        <translation>Первые пять минут</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Processes, links, monitors</source>
        <translation>Процессы, связи, мониторы</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;p&gt;The graph shows the runtime live: every process is a node (circles are workers, rounded squares supervisors), a solid line is a &lt;b&gt;link&lt;/b&gt;, a dashed arrow a &lt;b&gt;monitor&lt;/b&gt; from watcher to target. The number on a node is its mailbox.&lt;/p&gt;&lt;p&gt;Pick a scenario in the toolbar; the panel &lt;i&gt;Scenario: what to try&lt;/i&gt; says what it shows.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Граф показывает среду выполнения вживую: каждый процесс — узел (круги — рабочие процессы, скруглённые квадраты — супервизоры), сплошная линия — &lt;b&gt;связь&lt;/b&gt;, пунктирная стрелка — &lt;b&gt;монитор&lt;/b&gt; от следящего к цели. Число на узле — длина его почтового ящика.&lt;/p&gt;&lt;p&gt;Выберите сценарий на панели инструментов; панель &lt;i&gt;Сценарий: что попробовать&lt;/i&gt; объясняет, что он показывает.&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Kill a process, watch the signals</source>
        <translation>Убейте процесс и следите за сигналами</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;p&gt;Click a process, then press &lt;b&gt;K&lt;/b&gt; (or right-click it: kill, exit with a reason you choose, send a message, trap exits).&lt;/p&gt;&lt;p&gt;Its EXIT signals travel along its links, its DOWN messages along the monitor arrows, hop by hop; nothing happens to a process before its signal arrives. A supervisor starts a new child where the old one was.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Щёлкните процесс, затем нажмите &lt;b&gt;K&lt;/b&gt; (или щёлкните по нему правой кнопкой: убить, завершить с выбранной вами причиной, отправить сообщение, перехватывать выходы).&lt;/p&gt;&lt;p&gt;Его сигналы EXIT идут по его связям, его сообщения DOWN — по стрелкам мониторов, переход за переходом; с процессом ничего не происходит, пока до него не дойдёт сигнал. Супервизор запускает новый дочерний процесс на месте старого.&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Type the book&apos;s examples</source>
        <translation>Вводите примеры из книги</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;p&gt;The &lt;b&gt;Console&lt;/b&gt; is an iex shell inside this runtime. Type, for example:&lt;/p&gt;&lt;pre&gt;pid = spawn_link(fn -&amp;gt; exit(:boom) end)&lt;/pre&gt;&lt;p&gt;and watch the new process appear, end, and its EXIT reach the shell. Up and Down recall history, Tab completes.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Консоль&lt;/b&gt; — оболочка iex внутри этой среды выполнения. Введите, например:&lt;/p&gt;&lt;pre&gt;pid = spawn_link(fn -&amp;gt; exit(:boom) end)&lt;/pre&gt;&lt;p&gt;и посмотрите, как новый процесс появится, завершится и его EXIT дойдёт до оболочки. Клавиши Up и Down вызывают историю, Tab дополняет.&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Slow down, step, go back</source>
        <translation>Замедлите, шагайте, вернитесь назад</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;p&gt;&lt;b&gt;Slow motion&lt;/b&gt; stretches every hop; &lt;b&gt;Space&lt;/b&gt; pauses; in &lt;i&gt;Deterministic&lt;/i&gt; mode &lt;b&gt;.&lt;/b&gt; steps one signal at a time.&lt;/p&gt;&lt;p&gt;The &lt;b&gt;timeline&lt;/b&gt; at the bottom records everything: drag on it to go back in time, Shift+drag to select a stretch and export it (File &amp;gt; Export: Mermaid, MP4, GIF).&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Замедление&lt;/b&gt; растягивает каждый переход; &lt;b&gt;Space&lt;/b&gt; ставит на паузу; в режиме &lt;i&gt;Детерминированный&lt;/i&gt; клавиша &lt;b&gt;.&lt;/b&gt; доставляет по одному сигналу.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Шкала времени&lt;/b&gt; внизу записывает всё: перетаскивайте по ней, чтобы вернуться в прошлое, Shift+перетаскивание выделяет отрезок для экспорта (Файл &amp;gt; Экспорт: Mermaid, MP4, GIF).&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>In front of a class</source>
        <translation>Перед аудиторией</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;p&gt;&lt;b&gt;F11&lt;/b&gt;: presentation mode, full screen with large text for the back of the room. &lt;b&gt;F1&lt;/b&gt;: every shortcut. View &amp;gt; Language: English, Русский, 简体中文.&lt;/p&gt;&lt;p&gt;This tour is in Help &amp;gt; The first five minutes.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;F11&lt;/b&gt;: режим презентации, полный экран с крупным текстом для задних рядов. &lt;b&gt;F1&lt;/b&gt;: все сочетания клавиш. Вид &amp;gt; Язык: English, Русский, 简体中文.&lt;/p&gt;&lt;p&gt;Этот обзор доступен в меню Справка &amp;gt; Первые пять минут.&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Back</source>
        <translation>Назад</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+30"/>
        <source>Next</source>
        <translation>Далее</translation>
    </message>
    <message>
        <location line="-28"/>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>%1 of %2</source>
        <translation>%1 из %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Done</source>
        <translation>Готово</translation>
    </message>
</context>
<context>
    <name>actorscope::views::AttachSource</name>
    <message>
        <location filename="../../views/observer/AttachSource.cpp" line="-149"/>
        <source>%1 is not a process of an attached node (its node went away, or was never attached)</source>
        <translation>%1 — не процесс подключённого узла (его узел пропал или не был подключён)</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>node %1</source>
        <translation>узел %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>nodes %1</source>
        <translation>узлы %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> (read-only)</source>
        <translation> (только чтение)</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>trap_exit cannot be set from outside on a BEAM node: only the process itself can call Process.flag(:trap_exit, ...). The checkbox shows the value the node reports.</source>
        <translation>На узле BEAM trap_exit нельзя задать извне: вызвать Process.flag(:trap_exit, ...) может только сам процесс. Флажок показывает значение, которое сообщает узел.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>on an attached node a link is made by the process itself (Process.link/1); use the console</source>
        <translation>на подключённом узле связь создаёт сам процесс (Process.link/1); воспользуйтесь консолью</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>on an attached node a monitor is made by the process itself (Process.monitor/1); use the console</source>
        <translation>на подключённом узле монитор ставит сам процесс (Process.monitor/1); воспользуйтесь консолью</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>registering another process&apos;s name on an attached node: use the console (Process.register/2)</source>
        <translation>регистрация имени другого процесса на подключённом узле: воспользуйтесь консолью (Process.register/2)</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>nothing is spawned on an attached node from the window; use the console</source>
        <translation>из окна на подключённом узле ничего не запускается; воспользуйтесь консолью</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>faults are injected into the embedded runtime; on an attached node kill or exit a process from the inspector or the Process menu (they ask first)</source>
        <translation>сбои внедряются во встроенную среду выполнения; на подключённом узле убейте или завершите процесс из инспектора или меню «Процесс» (перед этим будет запрошено подтверждение)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the detection delay of a real node is its net_ticktime; set it there</source>
        <translation>задержка обнаружения у реального узла — это его net_ticktime; задайте её там</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the chaos monkey runs on the embedded runtime only</source>
        <translation>обезьяна хаоса работает только во встроенной среде выполнения</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>fault plans run on the embedded runtime only</source>
        <translation>планы сбоев выполняются только во встроенной среде выполнения</translation>
    </message>
</context>
<context>
    <name>actorscope::views::ChartsWidget</name>
    <message>
        <location filename="../../views/ChartsWidget.cpp" line="+47"/>
        <source>Window</source>
        <translation>Окно</translation>
    </message>
    <message>
        <location line="+4"/>
        <source> s</source>
        <translation> с</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>How far back the charts show</source>
        <translation>На какой срок назад показывают графики</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Top N mailboxes</source>
        <translation>Топ-N почтовых ящиков</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Chart the mailboxes of the N processes with the longest queues (and the selected ones: Ctrl+click a process to add it)</source>
        <translation>Показывать почтовые ящики N процессов с самыми длинными очередями (и выбранных: Ctrl+щелчок по процессу добавляет его)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Mailbox length</source>
        <translation>Длина почтового ящика</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Processes alive</source>
        <translation>Живые процессы</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Messages / s</source>
        <translation>Сообщения / с</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Exits and restarts / s</source>
        <translation>Выходы и перезапуски / с</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>exits</source>
        <translation>выходы</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>restarts</source>
        <translation>перезапуски</translation>
    </message>
</context>
<context>
    <name>actorscope::views::ConsoleWidget</name>
    <message>
        <location filename="../../views/ConsoleWidget.cpp" line="+72"/>
        <location line="+89"/>
        <source>Elixir: spawn(fn -&gt; receive do x -&gt; x end end)   (Enter runs, Shift+Enter new line)</source>
        <translation>Elixir: spawn(fn -&gt; receive do x -&gt; x end end)   (Enter — выполнить, Shift+Enter — новая строка)</translation>
    </message>
    <message>
        <location line="-81"/>
        <source>The node the console evaluates on</source>
        <translation>Узел, на котором консоль вычисляет</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Pid</source>
        <translation>Pid</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Insert the pid of the selected process (Ctrl+P)</source>
        <translation>Вставить pid выбранного процесса (Ctrl+P)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Interrupt</source>
        <translation>Прервать</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop the running evaluation (Ctrl+C)</source>
        <translation>Остановить текущее вычисление (Ctrl+C)</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>** the shell could not start: %1</source>
        <translation>** не удалось запустить оболочку: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No shell: %1</source>
        <translation>Нет оболочки: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Interactive shell on the live runtime; the shell is process %1. Tab completes, Up/Down history, Ctrl+C interrupts, Ctrl+P inserts the selected pid.</source>
        <translation>Интерактивная оболочка в работающей среде выполнения; оболочка — это процесс %1. Tab — дополнение, Up/Down — история, Ctrl+C — прервать, Ctrl+P — вставить pid выбранного процесса.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Evaluated on the node   (Enter runs, Shift+Enter new line)</source>
        <translation>Вычисляется на узле   (Enter — выполнить, Shift+Enter — новая строка)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>** busy: the shell is still evaluating</source>
        <translation>** занято: оболочка ещё вычисляет</translation>
    </message>
    <message>
        <location line="+85"/>
        <location line="+20"/>
        <location line="+46"/>
        <source>** the shell is not running</source>
        <translation>** оболочка не запущена</translation>
    </message>
    <message>
        <location line="-62"/>
        <location line="+20"/>
        <location line="+138"/>
        <source>** busy: the previous input is still running (Ctrl+C interrupts it)</source>
        <translation>** занято: предыдущий ввод ещё выполняется (Ctrl+C прерывает его)</translation>
    </message>
    <message>
        <location line="-133"/>
        <source># script %1 (1 line)</source>
        <translation># скрипт %1 (1 строка)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source># script %1 (%2 lines)</source>
        <translation># скрипт %1 (строк: %2)</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>no such file or directory</source>
        <translation>нет такого файла или каталога</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>illegal operation on a directory</source>
        <translation>недопустимая операция над каталогом</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>permission denied</source>
        <translation>доступ запрещён</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>** (File.Error) could not read file &quot;%1&quot;: %2</source>
        <translation>** (File.Error) не удалось прочитать файл &quot;%1&quot;: %2</translation>
    </message>
    <message>
        <location line="+78"/>
        <source>... %1 more</source>
        <translation>... и ещё %1</translation>
    </message>
</context>
<context>
    <name>actorscope::views::EventLogWidget</name>
    <message>
        <location filename="../../views/EventLog.cpp" line="+127"/>
        <source>Filter: a pid, a name, a reason...</source>
        <translation>Фильтр: pid, имя, причина...</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>All events</source>
        <translation>Все события</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Exits, signals, restarts</source>
        <translation>Выходы, сигналы, перезапуски</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Links and monitors</source>
        <translation>Связи и мониторы</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Spawns, exits, restarts</source>
        <translation>Запуски, выходы, перезапуски</translation>
    </message>
</context>
<context>
    <name>actorscope::views::FaultPanel</name>
    <message>
        <location filename="../../views/FaultPanel.cpp" line="+43"/>
        <source>name or pid (the selection)</source>
        <translation>имя или pid (иначе — выбранный)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Target</source>
        <translation>Цель</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Chaos monkey</source>
        <translation>Обезьяна хаоса</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+76"/>
        <location line="+56"/>
        <location line="+7"/>
        <source> ms</source>
        <translation> мс</translation>
    </message>
    <message>
        <location line="-138"/>
        <source>Kill every</source>
        <translation>Убивать каждые</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Exit reason of each kill (any term, e.g. {:shutdown, :chaos})</source>
        <translation>Причина выхода при каждом убийстве (любой терм, например {:shutdown, :chaos})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason</source>
        <translation>Причина</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Workers (children of supervisors)</source>
        <translation>Рабочие (потомки супервизоров)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Subtree of...</source>
        <translation>Поддерево...</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All but supervisors</source>
        <translation>Все, кроме супервизоров</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Among</source>
        <translation>Среди</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>subtree root: name or pid</source>
        <translation>корень поддерева: имя или pid</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Root</source>
        <translation>Корень</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The same seed gives the same victims in deterministic mode</source>
        <translation>В детерминированном режиме одно и то же зерно даёт тех же жертв</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Seed</source>
        <translation>Зерно</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Start chaos</source>
        <translation>Запустить хаос</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+164"/>
        <source>Stop</source>
        <translation>Стоп</translation>
    </message>
    <message>
        <location line="-153"/>
        <source>On the target</source>
        <translation>Воздействие на цель</translation>
    </message>
    <message>
        <location line="+11"/>
        <source> /s</source>
        <translation> /с</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>at once</source>
        <translation>сразу</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Flood</source>
        <translation>Завалить</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Messages</source>
        <translation>Сообщения</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>edge to (optional)</source>
        <translation>до процесса (необязательно)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Delay</source>
        <translation>Задержать</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Latency of the target&apos;s signals (to the peer only when one is given); with no target, of every signal</source>
        <translation>Задержка сигналов цели (только к указанному процессу, если он задан); без цели — задержка всех сигналов</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Latency</source>
        <translation>Задержка</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Suspend</source>
        <translation>Приостановить</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Resume</source>
        <translation>Возобновить</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Kill</source>
        <translation>Убить</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Network partition</source>
        <translation>Разделение сети</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>until healed</source>
        <translation>до восстановления</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>For</source>
        <translation>Длительность</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>immediately</source>
        <translation>сразу</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How long each side takes to notice a partition (net_ticktime): the :noconnection exits, DOWNs and nodedown notices arrive that late; messages sent meanwhile are lost</source>
        <translation>Сколько времени нужно каждой стороне, чтобы заметить разделение сети (net_ticktime): выходы с :noconnection, сообщения DOWN и уведомления nodedown приходят с такой задержкой; сообщения, отправленные тем временем, теряются</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Noticed after</source>
        <translation>Замечается через</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A partition is now noticed after %1 ms</source>
        <translation>Теперь разделение сети замечается через %1 мс</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cut off</source>
        <translation>Отрезать</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Partition the checked nodes from every other node: links and monitors across fire :noconnection on both sides, and what is in flight is lost</source>
        <translation>Отделить отмеченные узлы от всех остальных узлов: связи и мониторы через разрыв срабатывают с :noconnection на обеих сторонах, а всё, что было в пути, теряется</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Heal all</source>
        <translation>Восстановить все</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Check the nodes to cut off from the others first</source>
        <translation>Сначала отметьте узлы, которые нужно отрезать от остальных</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Fault plan</source>
        <translation>План сбоев</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No plan loaded: the faults injected here are collected, Save writes them.</source>
        <translation>План не загружен: сбои, внедрённые здесь, накапливаются, и «Сохранить...» записывает их в файл.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Load...</source>
        <translation>Загрузить...</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save...</source>
        <translation>Сохранить...</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Run</source>
        <translation>Выполнить</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Load fault plan</source>
        <translation>Загрузить план сбоев</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+6"/>
        <source>Fault plans (*.json);;All files (*)</source>
        <translation>Планы сбоев (*.json);;Все файлы (*)</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Save fault plan</source>
        <translation>Сохранить план сбоев</translation>
    </message>
    <message>
        <location line="+81"/>
        <source>Chaos monkey not started: %1</source>
        <translation>Обезьяна хаоса не запущена: %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Chaos monkey %1 kills one process every %2 ms (seed %3)</source>
        <translation>Обезьяна хаоса %1 убивает по одному процессу каждые %2 мс (зерно %3)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Chaos stopped</source>
        <translation>Хаос остановлен</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Check the side to cut off from the rest; or drag across a connection in the graph.</source>
        <translation>Отметьте сторону, которую нужно отрезать от остальных, или проведите мышью поперёк соединения на графе.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>One node only. Pick the netsplit scenario, or start a node in the console: Node.start(:a, :shortnames) then :peer.start_link(%{name: :b})</source>
        <translation>Только один узел. Выберите сценарий netsplit или запустите узел в консоли: Node.start(:a, :shortnames), затем :peer.start_link(%{name: :b})</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Injected: %1</source>
        <translation>Внедрено: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 failed: %2</source>
        <translation>%1 — ошибка: %2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1: %2 faults. %3</source>
        <translation>%1: сбоев в плане: %2. %3</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Saved %1 faults to %2</source>
        <translation>Сбоев сохранено: %1, файл %2</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The plan is empty</source>
        <translation>План пуст</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The plan did not start: %1</source>
        <translation>План не запустился: %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Running a plan of %1 faults (%2)</source>
        <translation>Выполняется план, сбоев: %1 (%2)</translation>
    </message>
</context>
<context>
    <name>actorscope::views::GraphScene</name>
    <message>
        <location filename="../../views/GraphScene.cpp" line="+1011"/>
        <source>%1: click to open</source>
        <translation>%1: щёлкните, чтобы открыть</translation>
    </message>
</context>
<context>
    <name>actorscope::views::GraphView</name>
    <message>
        <location filename="../../views/GraphView.cpp" line="+336"/>
        <source>signal delay %1 ms</source>
        <translation>задержка сигналов %1 мс</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>drag ← → to set the delay (now %1 ms)</source>
        <translation>тяните ← →, чтобы задать задержку (сейчас %1 мс)</translation>
    </message>
    <message>
        <location line="-302"/>
        <source>worker process</source>
        <translation>рабочий процесс</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>supervisor</source>
        <translation>супервизор</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>console shell (iex)</source>
        <translation>оболочка консоли (iex)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>traps exits (ring)</source>
        <translation>перехватывает выходы (кольцо)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>link</source>
        <translation>связь</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>monitor (watcher → target)</source>
        <translation>монитор (следящий → цель)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>one-way link (linker → target)</source>
        <translation>односторонняя связь (связывающий → цель)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>exit :kill / crash</source>
        <translation>выход :kill / падение</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>exit :normal, :shutdown</source>
        <translation>выход :normal, :shutdown</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>exit Kill / Panic</source>
        <translation>выход Kill / Panic</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>exit Normal, Shutdown</source>
        <translation>выход Normal, Shutdown</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>DOWN message</source>
        <translation>сообщение DOWN</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>DOWN message (MessageDown)</source>
        <translation>сообщение DOWN (MessageDown)</translation>
    </message>
    <message>
        <location line="+151"/>
        <source>%1: partitioned. Click to heal.</source>
        <translation>%1: разделено. Щёлкните, чтобы восстановить.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1: connected. Drag across it to cut it (a partition).</source>
        <translation>%1: соединено. Проведите мышью поперёк, чтобы разорвать соединение (разделение сети).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1: disconnected; made again on next use. Drag across it to partition.</source>
        <translation>%1: разъединено; соединение будет установлено снова при следующем обращении. Проведите мышью поперёк, чтобы разделить сеть.</translation>
    </message>
    <message>
        <location line="+123"/>
        <source>already partitioned: click to heal</source>
        <translation>уже разделено: щёлкните, чтобы восстановить</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>release to cut this connection</source>
        <translation>отпустите, чтобы разорвать это соединение</translation>
    </message>
</context>
<context>
    <name>actorscope::views::InspectorWidget</name>
    <message>
        <location filename="../../views/InspectorWidget.cpp" line="+64"/>
        <source>trap_exit</source>
        <translation>trap_exit</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Kill</source>
        <translation>Убить</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Exit...</source>
        <translation>Завершить...</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Send...</source>
        <translation>Отправить...</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+153"/>
        <source>Suspend</source>
        <translation>Приостановить</translation>
    </message>
    <message>
        <location line="-145"/>
        <location line="+140"/>
        <source>Process.exit(pid, :kill): untrappable (K)</source>
        <translation>Process.exit(pid, :kill): без перехвата (K)</translation>
    </message>
    <message>
        <location line="-139"/>
        <source>Process.exit(pid, reason) with a reason you pick (E)</source>
        <translation>Process.exit(pid, reason) с выбранной вами причиной (E)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>send(pid, message) (M)</source>
        <translation>send(pid, message) (M)</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+70"/>
        <source>Process.flag(:trap_exit, ...) (T)</source>
        <translation>Process.flag(:trap_exit, ...) (T)</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>No process selected</source>
        <translation>Процесс не выбран</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unknown process</source>
        <translation>неизвестный процесс</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Click a process in the graph, the table or the log.</source>
        <translation>Щёлкните процесс на графе, в таблице или в журнале.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>%1 %2, %3 in mailbox</source>
        <translation>%1 %2, в почтовом ящике: %3</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>supervisor</source>
        <translation>супервизор</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>process</source>
        <translation>процесс</translation>
    </message>
    <message>
        <location line="+4"/>
        <source> (Urgent %1, System %2, Main %3)</source>
        <translation> (Urgent %1, System %2, Main %3)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>DEAD: %1 (terminated: %2)</source>
        <translation>МЁРТВ: %1 (завершил работу: %2)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>DEAD: terminated: %1</source>
        <translation>МЁРТВ: завершил работу: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>DEAD: %1 (exited with %2)</source>
        <translation>МЁРТВ: %1 (завершился с %2)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>DEAD: exited with %1</source>
        <translation>МЁРТВ: завершился с %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The node&apos;s Kill(pid): forced, it cannot be trapped (K)</source>
        <translation>Kill(pid) узла: принудительно, перехватить нельзя (K)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Resume</source>
        <translation>Возобновить</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>restarts</source>
        <translation>перезапуски</translation>
    </message>
    <message numerus="yes">
        <location line="+0"/>
        <source>%n time(s) before this pid (by its supervisor)</source>
        <translation>
            <numerusform>%n раз до этого pid (его супервизором)</numerusform>
            <numerusform>%n раза до этого pid (его супервизором)</numerusform>
            <numerusform>%n раз до этого pid (его супервизором)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+14"/>
        <source>links to (one-way)</source>
        <translation>связан с (односторонне)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>linked by (one-way)</source>
        <translation>связаны с ним (односторонне)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>link to %1 (%2)</source>
        <translation>связь с %1 (%2)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>monitor of %1 (%2)</source>
        <translation>монитор %1 (%2)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>by name</source>
        <translation>по имени</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>aliases</source>
        <translation>псевдонимы</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>exit reason</source>
        <translation>причина выхода</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>restarted as</source>
        <translation>перезапущен как</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 (click to go to the new pid)</source>
        <translation>%1 (щёлкните, чтобы перейти к новому pid)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&lt;p&gt;&lt;b&gt;Mailbox&lt;/b&gt; (%1: Urgent %2, System %3, Main %4, read in that order)&lt;/p&gt;&lt;ol style=&apos;margin-left:-20px&apos;&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Почтовый ящик&lt;/b&gt; (%1: Urgent %2, System %3, Main %4, читаются в этом порядке)&lt;/p&gt;&lt;ol style=&apos;margin-left:-20px&apos;&gt;</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&lt;p&gt;&lt;b&gt;Mailbox&lt;/b&gt; (%1)&lt;/p&gt;&lt;ol style=&apos;margin-left:-20px&apos;&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Почтовый ящик&lt;/b&gt; (%1)&lt;/p&gt;&lt;ol style=&apos;margin-left:-20px&apos;&gt;</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&lt;p&gt;... and %1 more&lt;/p&gt;</source>
        <translation>&lt;p&gt;... и ещё %1&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>actorscope::views::ProcessTableModel</name>
    <message>
        <location filename="../../views/observer/ProcessTableModel.cpp" line="+35"/>
        <source>Pid</source>
        <translation>Pid</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name or initial call</source>
        <translation>Имя или начальный вызов</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reductions</source>
        <translation>Редукции</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Memory</source>
        <translation>Память</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>MsgQ</source>
        <translation>Очередь</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Links</source>
        <translation>Связи</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Monitors</source>
        <translation>Мониторы</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Restarts</source>
        <translation>Перезапуски</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>trap_exit</source>
        <translation>trap_exit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Node</source>
        <translation>Узел</translation>
    </message>
</context>
<context>
    <name>actorscope::views::RuntimeStatusWidget</name>
    <message>
        <location filename="../../views/RuntimeStatusWidget.cpp" line="+9"/>
        <source>Actorscope runtime: no processes yet</source>
        <translation>Среда выполнения Actorscope: процессов пока нет</translation>
    </message>
</context>
<context>
    <name>actorscope::views::TermDialog</name>
    <message>
        <location filename="../../views/TermDialog.cpp" line="+22"/>
        <source>Exit %1</source>
        <translation>Завершить %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>custom term...</source>
        <translation>свой терм...</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason:</source>
        <translation>Причина:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Custom:</source>
        <translation>Свой:</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Send exit signal</source>
        <translation>Отправить сигнал выхода</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Send a message to %1</source>
        <translation>Отправить сообщение процессу %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Message:</source>
        <translation>Сообщение:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Send</source>
        <translation>Отправить</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Type a reason, for example :kaboom</source>
        <translation>Введите причину, например :kaboom</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Will send %1</source>
        <translation>Будет отправлено: %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Type a message, for example {:hello, 1}</source>
        <translation>Введите сообщение, например {:hello, 1}</translation>
    </message>
</context>
<context>
    <name>actorscope::views::TimelineWidget</name>
    <message>
        <location filename="../../views/TimelineWidget.cpp" line="+42"/>
        <source>Click or drag to travel in time; click a marker to jump to it;
Shift+drag or right-drag selects a stretch (right-click: export it as Mermaid)</source>
        <translation>Щёлкните или перетащите, чтобы путешествовать во времени; щелчок по метке переходит к ней;
Shift+перетаскивание или перетаскивание правой кнопкой выделяет отрезок (щелчок правой кнопкой: экспорт в Mermaid)</translation>
    </message>
    <message>
        <location line="+119"/>
        <source>Clear the selection</source>
        <translation>Снять выделение</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Play backward</source>
        <translation>Воспроизвести назад</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>◀ Back</source>
        <translation>◀ Назад</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop playing (stay at this moment)</source>
        <translation>Остановить воспроизведение (остаться в этом моменте)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Play forward</source>
        <translation>Воспроизвести вперёд</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Play ▶</source>
        <translation>Воспроизвести ▶</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Live</source>
        <translation>Вживую</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Return to the running runtime</source>
        <translation>Вернуться к работающей среде выполнения</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Playback speed</source>
        <translation>Скорость воспроизведения</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Save recording...</source>
        <translation>Сохранить запись...</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+4"/>
        <source>Save recording</source>
        <translation>Сохранить запись</translation>
    </message>
    <message>
        <location line="-3"/>
        <location line="+9"/>
        <source>Recordings (*.jsonl);;All files (*)</source>
        <translation>Записи (*.jsonl);;Все файлы (*)</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>Open recording...</source>
        <translation>Открыть запись...</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+5"/>
        <source>Open recording</source>
        <translation>Открыть запись</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Some lines could not be read and were skipped:
</source>
        <translation>Некоторые строки не удалось прочитать, они пропущены:
</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The recording could not be opened:
</source>
        <translation>Не удалось открыть запись:
</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Copy stretch as Mermaid</source>
        <translation>Копировать отрезок как Mermaid</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The selected stretch of the timeline (all of it when none is selected) as a Mermaid sequenceDiagram, to paste into notes</source>
        <translation>Выделенный отрезок шкалы времени (или вся шкала, если ничего не выделено) в виде Mermaid sequenceDiagram, чтобы вставить в конспект</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Mermaid: the stretch holds no events (Shift+drag on the timeline to select one)</source>
        <translation>Mermaid: в отрезке нет событий (выделите отрезок на шкале времени Shift+перетаскиванием)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Copied a Mermaid sequenceDiagram of %1 events to the clipboard</source>
        <translation>Mermaid sequenceDiagram (событий: %1) скопирована в буфер обмена</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save stretch as Mermaid...</source>
        <translation>Сохранить отрезок как Mermaid...</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+10"/>
        <source>Export Mermaid</source>
        <translation>Экспорт Mermaid</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>The selected stretch holds no events. Shift+drag (or right-drag) on the timeline to select a stretch with spawns, messages or exits.</source>
        <translation>В выделенном отрезке нет событий. Выделите на шкале времени Shift+перетаскиванием (или перетаскиванием правой кнопкой) отрезок с запусками процессов, сообщениями или выходами.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Save stretch as Mermaid</source>
        <translation>Сохранить отрезок как Mermaid</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mermaid (*.mmd *.md);;All files (*)</source>
        <translation>Mermaid (*.mmd *.md);;Все файлы (*)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Could not write %1: %2</source>
        <translation>Не удалось записать %1: %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Saved a Mermaid sequenceDiagram of %1 events to %2</source>
        <translation>Mermaid sequenceDiagram (событий: %1) сохранена в %2</translation>
    </message>
    <message>
        <location line="+316"/>
        <source>Live  •  recording %1 events (%2 s)</source>
        <translation>Вживую  •  записано событий: %1 (%2 с)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1%2 / %3 s  •  event %4 / %5</source>
        <translation>%1%2 / %3 с  •  событие %4 / %5</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>File  </source>
        <translation>Файл  </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>  •  selected %1 ms</source>
        <translation>  •  выделено %1 мс</translation>
    </message>
</context>
</TS>
