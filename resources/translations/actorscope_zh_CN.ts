<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AnimationExport</name>
    <message>
        <location filename="../../app/AnimationExport.cpp" line="+36"/>
        <source>no directory &apos;%1&apos; to write the frames into</source>
        <translation>没有用于写入帧的目录“%1”</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the recording holds no events</source>
        <translation>录制中没有任何事件</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>bad animation options (fps 1-60, speed above 0, frames at least 16x16)</source>
        <translation>动画选项有误（fps 为 1-60，速度大于 0，帧至少为 16x16）</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>cannot write the frame &apos;%1&apos;</source>
        <translation>无法写入帧“%1”</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>&apos;%1&apos;: an animation is saved as .mp4 or .gif</source>
        <translation>“%1”：动画只能保存为 .mp4 或 .gif</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>cannot make a temporary directory for the frames: %1</source>
        <translation>无法为帧创建临时目录：%1</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>cannot run &apos;%1&apos; to encode the %2 (install Debian&apos;s ffmpeg package): %3</source>
        <translation>无法运行“%1”来编码 %2（请安装 Debian 的 ffmpeg 软件包）：%3</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>ffmpeg could not write &apos;%1&apos;: %2</source>
        <translation>ffmpeg 无法写入“%1”：%2</translation>
    </message>
</context>
<context>
    <name>AttachSource</name>
    <message>
        <location filename="../../views/observer/AttachSource.cpp" line="+181"/>
        <source>attached to %1 read-only: the console evaluates nothing there</source>
        <translation>已以只读方式附加到 %1：控制台不会在那里执行任何求值</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Evaluating on %1 (%2, OTP %3), as iex --remsh would
</source>
        <translation>在 %1 上求值（%2，OTP %3），如同 iex --remsh
</translation>
    </message>
</context>
<context>
    <name>EmbeddedShell</name>
    <message>
        <location filename="../../views/observer/EmbeddedShell.cpp" line="+73"/>
        <source>the shell did not start</source>
        <translation>shell 未能启动</translation>
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
        <translation>%1 未存活</translation>
    </message>
    <message>
        <location line="-200"/>
        <source>the alias %1</source>
        <translation>别名 %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+1"/>
        <source>node %1</source>
        <translation>节点 %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>its target</source>
        <translation>它的目标</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>no process is registered as %1</source>
        <translation>没有进程注册为 %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no process has %1 (it was deleted, or its process ended)</source>
        <translation>没有进程拥有%1（它已被删除，或其进程已结束）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no process is %1</source>
        <translation>不存在进程 %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 already links to %2</source>
        <translation>%1 已经链接到 %2</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 already monitors %2</source>
        <translation>%1 已经在监视 %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>a process cannot link to or monitor its own node</source>
        <translation>进程不能链接到或监视自己所在的节点</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 cannot link to itself</source>
        <translation>%1 不能链接到自己</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 cannot monitor itself</source>
        <translation>%1 不能监视自己</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 has no link to %2</source>
        <translation>%1 没有链接到 %2</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 does not monitor %2</source>
        <translation>%1 没有监视 %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 cannot be reached from %2&apos;s node</source>
        <translation>从 %2 所在的节点无法到达 %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>embedded runtime (deterministic)</source>
        <translation>内置运行时（确定性）</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>embedded runtime (live)</source>
        <translation>内置运行时（实时）</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Ergo links and monitors need Ergo mode (Scenario &gt; Ergo semantics)</source>
        <translation>Ergo 链接与监视需要 Ergo 模式（场景 &gt; Ergo 语义）</translation>
    </message>
    <message>
        <location line="+77"/>
        <source>%1 is already registered as %2</source>
        <translation>%1 已注册为 %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 is taken by %2</source>
        <translation>%1 已被 %2 占用</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 already has a name</source>
        <translation>%1 已经有名字了</translation>
    </message>
    <message>
        <location line="+28"/>
        <location line="+12"/>
        <source>Aliases need Ergo mode (Scenario &gt; Ergo semantics)</source>
        <translation>别名需要 Ergo 模式（场景 &gt; Ergo 语义）</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 is not an alias of %2</source>
        <translation>%1 不是 %2 的别名</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>nothing called &quot;%1&quot; can be spawned here</source>
        <translation>这里无法创建名为“%1”的进程</translation>
    </message>
</context>
<context>
    <name>EventText</name>
    <message>
        <location filename="../../views/observer/EventText.cpp" line="+114"/>
        <source>%1 terminated (%2)</source>
        <translation>%1 终止（%2）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 links to node %2 (LinkNode: it gets an exit when the connection is lost)</source>
        <translation>%1 链接到节点 %2（LinkNode：连接断开时它会收到退出信号）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 removed its link to node %2</source>
        <translation>%1 移除了它到节点 %2 的链接</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 links to the name %2, now %3 (LinkProcessID, one-way)</source>
        <translation>%1 链接到名字 %2，当前为 %3（LinkProcessID，单向）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 removed its link to the name %2 (%3)</source>
        <translation>%1 移除了它到名字 %2 的链接（%3）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 links to %2 (LinkPID, one-way)</source>
        <translation>%1 链接到 %2（LinkPID，单向）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 removed its link to %2</source>
        <translation>%1 移除了它到 %2 的链接</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 monitors the name %2, now %3 (MonitorProcessID)</source>
        <translation>%1 监视名字 %2，当前为 %3（MonitorProcessID）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 monitors %2 (MonitorPID)</source>
        <translation>%1 监视 %2（MonitorPID）</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>%1 is unreachable: %2 gets a DOWN with ErrNoConnection from its own side</source>
        <translation>%1 不可达：%2 从自己这一侧收到带 ErrNoConnection 的 DOWN</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 is unreachable: %2 gets an exit with ErrNoConnection from its own side</source>
        <translation>%1 不可达：%2 从自己这一侧收到带 ErrNoConnection 的退出信号</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 is down: %2 goes to %3 (%4)</source>
        <translation>%1 已终止：%2 发往 %3（%4）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1&apos;s end of the link sends %2 an exit (%3)</source>
        <translation>%1 这一端的链接向 %2 发送退出信号（%3）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the observer sent an exit to %1 (%2)</source>
        <translation>观察者向 %1 发送了退出信号（%2）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 sent an exit to %2 (SendExit: %3)</source>
        <translation>%1 向 %2 发送了退出信号（SendExit：%3）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the node killed %1 (Kill: forced, it cannot be trapped)</source>
        <translation>节点杀死了 %1（Kill：强制，无法捕获）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 terminated: its link to %2 fired (%3)</source>
        <translation>%1 终止：它到 %2 的链接被触发（%3）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 was terminated by an exit from %2 (%3)</source>
        <translation>%1 被来自 %2 的退出信号终止（%3）</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 got %2 from %3 (%4) in its Urgent queue</source>
        <translation>%1 在其 Urgent（紧急）队列中收到了来自 %3 的 %2（%4）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 dropped the exit from %2: it no longer links to it</source>
        <translation>%1 丢弃了来自 %2 的退出信号：它已不再链接到对方</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 got %2 for %3 (%4) in its System queue</source>
        <translation>%1 在其 System（系统）队列中收到了关于 %3 的 %2（%4）</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>the observer</source>
        <translation>观察者</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>node %1</source>
        <translation>节点 %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 spawned %2 (%3)</source>
        <translation>%1 创建了 %2（%3）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 was spawned (%2)</source>
        <translation>%1 被创建（%2）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 exited (%2)</source>
        <translation>%1 退出（%2）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 linked to %2</source>
        <translation>%1 链接到 %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 unlinked from %2</source>
        <translation>%1 取消了与 %2 的链接</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 monitors %2</source>
        <translation>%1 监视 %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 stopped monitoring %2</source>
        <translation>%1 停止监视 %2</translation>
    </message>
    <message>
        <location line="-74"/>
        <location line="+78"/>
        <source>%1 got %2 (it monitors nodes)</source>
        <translation>%1 收到了 %2（它监视节点）</translation>
    </message>
    <message>
        <location line="-73"/>
        <source>the connection to node %1 was lost: %2 gets a DOWN with ErrNoConnection from its own side</source>
        <translation>到节点 %1 的连接已断开：%2 从自己这一侧收到带 ErrNoConnection 的 DOWN</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the connection to node %1 was lost: %2&apos;s link to that node fires, an exit with ErrNoConnection from its own side</source>
        <translation>到节点 %1 的连接已断开：%2 到该节点的链接被触发，它从自己这一侧收到带 ErrNoConnection 的退出信号</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>%1 terminated: the connection to a node it links to was lost (%2)</source>
        <translation>%1 终止：它所链接的一个节点的连接已断开（%2）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 terminated: the connection to node %2 was lost, and it links to that node (%3)</source>
        <translation>%1 终止：到节点 %2 的连接已断开，而它链接到该节点（%3）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 got MessageExitNode in its Urgent queue: the connection to a node it links to was lost (%2)</source>
        <translation>%1 在其 Urgent（紧急）队列中收到了 MessageExitNode：它所链接的一个节点的连接已断开（%2）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 got MessageExitNode in its Urgent queue: the connection to node %2 was lost (%3)</source>
        <translation>%1 在其 Urgent（紧急）队列中收到了 MessageExitNode：到节点 %2 的连接已断开（%3）</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>the observer sent %1 to %2</source>
        <translation>观察者向 %2 发送了 %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 is unreachable: DOWN (:noconnection) sent to %2 from its own side</source>
        <translation>%1 不可达：%2 所在的一侧向它发送 DOWN（:noconnection）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 is unreachable: an exit signal (:noconnection) goes to %2 from its own side</source>
        <translation>%1 不可达：%2 所在的一侧向它发送退出信号（:noconnection）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 is down: DOWN sent to %2 (%3)</source>
        <translation>%1 已终止：向 %2 发送 DOWN（%3）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 sent an untrappable kill to %2</source>
        <translation>%1 向 %2 发送了无法捕获的 kill</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 sent an exit signal to %2 (%3)%4</source>
        <translation>%1 向 %2 发送了退出信号（%3）%4</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> along their link</source>
        <translation>，经由二者之间的链接</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 ended with its node</source>
        <translation>%1 随其节点一同结束</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 was killed by the exit signal from %2 (%3)</source>
        <translation>%1 被来自 %2 的退出信号杀死（%3）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 trapped the exit of %2 (%3)</source>
        <translation>%1 捕获了 %2 的退出（%3）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 ignored a :normal exit signal from %2 (it does not trap exits)</source>
        <translation>%1 忽略了来自 %2 的 :normal 退出信号（它没有捕获退出）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 dropped the exit signal from %2: no longer linked</source>
        <translation>%1 丢弃了来自 %2 的退出信号：已不再链接</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the exit signal from %1 found %2 already dead</source>
        <translation>来自 %1 的退出信号到达时，%2 已经死亡</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 got {:DOWN, ...} for %2 (%3)</source>
        <translation>%1 收到了关于 %2 的 {:DOWN, ...}（%3）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 dropped a DOWN for %2: no longer monitoring</source>
        <translation>%1 丢弃了关于 %2 的 DOWN：已不再监视</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>a message from %1 to %2 was lost: the connection between their nodes was cut (%3)</source>
        <translation>从 %1 发往 %2 的消息丢失了：二者所在节点之间的连接被切断（%3）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the %1 from %2 to %3 was lost: the connection between their nodes was cut</source>
        <translation>从 %2 发往 %3 的 %1 丢失了：二者所在节点之间的连接被切断</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>exit signal</source>
        <translation>退出信号</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 now traps exits</source>
        <translation>%1 现在捕获退出</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 no longer traps exits</source>
        <translation>%1 不再捕获退出</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 registered as %2</source>
        <translation>%1 注册为 %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 lost the name %2</source>
        <translation>%1 失去了名字 %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 was suspended</source>
        <translation>%1 被挂起</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 was resumed</source>
        <translation>%1 被恢复</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 is known as %2</source>
        <translation>%1 也称作 %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>supervisor %1 gave up: more than %2 restarts in %3 s (the last: %4 exited with %5); it stops its children and exits with :shutdown</source>
        <translation>监督者 %1 放弃了：%3 秒内重启超过 %2 次（最后一次：%4 以 %5 退出）；它会停止其子进程并以 :shutdown 退出</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>supervisor %1 restarted %2 as %3 (it exited with %4)</source>
        <translation>监督者 %1 将 %2 重启为 %3（它以 %4 退出）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>node %1 is up (a peer of %2: it ends when their connection is cut)</source>
        <translation>节点 %1 已上线（%2 的 peer 节点：二者之间的连接被切断时它就会结束）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>node %1 is up</source>
        <translation>节点 %1 已上线</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>node %1 is down: its processes end, and links and monitors to them fire with :noconnection</source>
        <translation>节点 %1 已下线：其上的进程结束，指向它们的链接和监视器以 :noconnection 触发</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>nodes %1 and %2 connected</source>
        <translation>节点 %1 与 %2 已连接</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>partition: the connection between %1 and %2 is cut (until healed)</source>
        <translation>网络分区：%1 与 %2 之间的连接被切断（直到恢复）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>nodes %1 and %2 disconnected</source>
        <translation>节点 %1 与 %2 已断开连接</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>; each side notices after %1 ms</source>
        <translation>；每一侧在 %1 毫秒后才察觉</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>partition healed between %1 and %2: they connect again on next use; nothing that fired comes back</source>
        <translation>%1 与 %2 之间的网络分区已恢复：下次使用时它们会重新连接；已经触发的一切都不会撤回</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>the rest</source>
        <translation>其余节点</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>fault injected: heal every partition</source>
        <translation>已注入故障：恢复所有网络分区</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>fault injected: heal %1 | %2</source>
        <translation>已注入故障：恢复 %1 | %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>fault injected: partition %1 | %2 for %3 ms</source>
        <translation>已注入故障：网络分区 %1 | %2，持续 %3 毫秒</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>fault injected: partition %1 | %2 until healed</source>
        <translation>已注入故障：网络分区 %1 | %2，直到恢复</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>fault injected: signals between nodes %1 take %2 ms longer</source>
        <translation>已注入故障：节点 %1 之间的信号多花 %2 毫秒</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>fault injected: %1 %2 (%3)</source>
        <translation>已注入故障：%1 %2（%3）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>everyone</source>
        <translation>所有进程</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>gave up: too many restarts</source>
        <translation>放弃：重启次数过多</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>gave up: more than %1 restarts in %2 s</source>
        <translation>放弃：%2 秒内重启超过 %1 次</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>TerminateReasonKill: in Ergo an exit with :kill is trapped like any other (E1.6): a trapper gets MessageExitPID in its Urgent queue, any other process terminates. Only the node&apos;s Kill is forced.</source>
        <translation>TerminateReasonKill：在 Ergo 中，带 :kill 的退出与其他退出一样可以被捕获（E1.6）：捕获退出的进程在其 Urgent（紧急）队列中收到 MessageExitPID，其他进程则终止。只有节点的 Kill 是强制的。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>TerminateReasonNormal: in Ergo a process that does not trap exits terminates on any reason, :normal too (E1.5); a trapper gets MessageExitPID in its Urgent queue.</source>
        <translation>TerminateReasonNormal：在 Ergo 中，不捕获退出的进程遇到任何原因都会终止，:normal 也一样（E1.5）；捕获退出的进程在其 Urgent（紧急）队列中收到 MessageExitPID。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>TerminateReasonShutdown: the process terminates unless it traps exits (then it gets MessageExitPID in its Urgent queue); the processes that link to it get an exit with it.</source>
        <translation>TerminateReasonShutdown：除非进程捕获退出（此时它在其 Urgent（紧急）队列中收到 MessageExitPID），否则它会终止；链接到它的进程会收到带此原因的退出信号。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: the process terminates unless it traps exits, and every process linked to it that does not trap terminates too.</source>
        <translation>%1：除非进程捕获退出，否则它会终止，并且所有与它链接且不捕获退出的进程也会终止。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>:kill cannot be trapped: the process dies with :killed, and its links get :killed (which they can trap).</source>
        <translation>:kill 无法被捕获：进程以 :killed 死亡，与它链接的进程收到 :killed（这个可以被捕获）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>:normal does nothing to a process that does not trap exits; a trapper gets {:EXIT, from, :normal} in its mailbox.</source>
        <translation>:normal 对不捕获退出的进程没有任何作用；捕获退出的进程会在邮箱中收到 {:EXIT, from, :normal}。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>:shutdown is how supervisors stop children: the process dies (unless it traps exits) and a supervisor does not report it as a crash.</source>
        <translation>:shutdown 是监督者停止子进程的方式：进程会死亡（除非它捕获退出），且监督者不会把它报告为崩溃。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 is an abnormal reason: the process dies unless it traps exits, and every linked process that does not trap dies with it.</source>
        <translation>%1 是异常原因：除非进程捕获退出，否则它会死亡，并且所有与它链接且不捕获退出的进程都会随之死亡。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Not a term: column %1: %2</source>
        <translation>不是合法的项：第 %1 列：%2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not a term: line %1, column %2: %3</source>
        <translation>不是合法的项：第 %1 行，第 %2 列：%3</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Type a reason, e.g. :kaboom or {:shutdown, :tired}</source>
        <translation>输入原因，例如 :kaboom 或 {:shutdown, :tired}</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Type a message, e.g. {:put, &quot;k&quot;, 1}</source>
        <translation>输入消息，例如 {:put, &quot;k&quot;, 1}</translation>
    </message>
</context>
<context>
    <name>Language</name>
    <message>
        <location filename="../../app/Language.cpp" line="+46"/>
        <source>unknown language &apos;%1&apos; (there are: %2)</source>
        <translation>未知语言“%1”（可用的有：%2）</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../app/MainWindowActions.cpp" line="+278"/>
        <source>%1 (of %2)</source>
        <translation>%1（属于 %2）</translation>
    </message>
</context>
<context>
    <name>NodeItem</name>
    <message>
        <location filename="../../views/NodeItem.cpp" line="+111"/>
        <source>
queues: Urgent %1 (exits), System %2 (DOWNs), Main %3; read in that order</source>
        <translation>
队列：Urgent %1（退出）、System %2（DOWN）、Main %3；按此顺序读取</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>
The console&apos;s shell: what you type in the Console dock runs in this process (self()).</source>
        <translation>
控制台的 shell：你在控制台面板中输入的内容都在这个进程中运行（self()）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>
Part of the console: it monitors the shell and starts a new one when the shell dies.</source>
        <translation>
控制台的一部分：它监视 shell，并在 shell 死亡时启动一个新的。</translation>
    </message>
    <message>
        <location line="+320"/>
        <source>
Click to dismiss.</source>
        <translation>
点击关闭。</translation>
    </message>
    <message>
        <location line="+149"/>
        <source>gets EXIT</source>
        <translation>收到 EXIT</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>gets DOWN</source>
        <translation>收到 DOWN</translation>
    </message>
</context>
<context>
    <name>ObserverModel</name>
    <message>
        <location filename="../../views/observer/ObserverModel.cpp" line="+81"/>
        <source>iex shell</source>
        <translation>iex shell</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>shell server</source>
        <translation>shell 服务器</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 (app)</source>
        <translation>%1（应用）</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>node %1</source>
        <translation>节点 %1</translation>
    </message>
</context>
<context>
    <name>ProcessTableModel</name>
    <message>
        <location filename="../../views/observer/ProcessTableModel.cpp" line="+32"/>
        <source> (console)</source>
        <translation>（控制台）</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <location filename="../../app/Export.cpp" line="+80"/>
        <location line="+18"/>
        <location line="+7"/>
        <source>cannot write %1</source>
        <translation>无法写入 %1</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Export failed: %1</source>
        <translation>导出失败：%1</translation>
    </message>
    <message>
        <location filename="../../views/GraphLayers.h" line="+164"/>
        <source>%1 was unregistered: the links and monitors made by this name fire ErrUnregistered</source>
        <translation>%1 已被注销：按此名字建立的链接和监视以 ErrUnregistered 触发</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The registered name %1: links and monitors made by this name point here</source>
        <translation>注册名 %1：按此名字建立的链接和监视指向这里</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>%1 (down)</source>
        <translation>%1（已下线）</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>partitioned</source>
        <translation>已分区</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>disconnected</source>
        <translation>已断开</translation>
    </message>
    <message>
        <location line="+483"/>
        <source>The observer: commands from this window (kill, exit, send, trap_exit) start here</source>
        <translation>观察者：本窗口发出的命令（kill、exit、send、trap_exit）从这里发出</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>observer</source>
        <translation>观察者</translation>
    </message>
</context>
<context>
    <name>Scenario</name>
    <message>
        <location filename="../../app/Scenarios.cpp" line="+20"/>
        <source>Demo: a small KV tree made of plain processes</source>
        <translation>演示：由普通进程构成的小型 KV 树</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A key-value store as in the Elixir guide: :kv_sup supervises a :registry, a :bucket_sup with three buckets, and :events. A :client monitors the registry and sends it traffic; :left and :right are linked, and :right traps exits.

Try: kill bucket_2 (select it, press K) and watch the EXIT travel to :bucket_sup, which restarts it in place. Kill :registry and watch the DOWN reach :client. Kill :left: :right traps the exit and gets an {:EXIT, ...} message instead of dying. Hover Kill to preview the blast radius.</source>
        <translation>与 Elixir 指南中一样的键值存储：:kv_sup 监督 :registry、带有三个桶的 :bucket_sup 以及 :events。:client 监视注册表并向它发送请求；:left 与 :right 相互链接，且 :right 捕获退出。

试试：杀死 bucket_2（选中它，按 K），观察 EXIT 传到 :bucket_sup，后者会在原处重启它。杀死 :registry，观察 DOWN 到达 :client。杀死 :left：:right 捕获了退出，收到一条 {:EXIT, ...} 消息而不是死亡。将鼠标悬停在“杀死”上可预览波及范围。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Empty: your own playground</source>
        <translation>空白：你自己的试验场</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No processes. Spawn some from the palette (Process &gt; Spawn), link them with Shift+drag, monitor with Ctrl+Shift+drag, and see what an exit does.</source>
        <translation>没有进程。从面板中创建一些进程（进程 &gt; 创建进程），用 Shift+drag 链接它们，用 Ctrl+Shift+drag 监视，看看退出会带来什么。</translation>
    </message>
    <message>
        <location filename="../../app/ScenarioTexts.cpp" line="+12"/>
        <source>KV: the key-value store of the Elixir guide</source>
        <translation>KV：Elixir 指南中的键值存储</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The application of Elixir&apos;s getting-started guide. KV.Supervisor (one_for_one) starts an event manager, KV.BucketSupervisor (a DynamicSupervisor of temporary buckets) and KV.Registry, which maps bucket names to bucket processes and monitors every bucket. A client then creates the buckets &quot;shopping&quot;, &quot;groceries&quot; and &quot;todo&quot; and puts milk into the first. Try: kill a bucket and watch the DOWN reach the registry, which forgets it; the bucket supervisor does not restart it (temporary). Then kill KV.Registry: the root restarts it, but the buckets live on, orphaned, unknown to the new registry. That is what kv-nested fixes.</source>
        <translation>Elixir 入门指南中的应用。KV.Supervisor（one_for_one）启动一个事件管理器、KV.BucketSupervisor（一个管理临时桶的 DynamicSupervisor）以及 KV.Registry；KV.Registry 把桶名映射到桶进程，并监视每一个桶。随后一个客户端创建桶“shopping”、“groceries”和“todo”，并把 milk 放入第一个桶。试试：杀死一个桶，观察 DOWN 到达注册表，注册表随即忘掉它；桶监督者不会重启它（临时的）。然后杀死 KV.Registry：根监督者会重启它，但桶仍然存活，成了孤儿，新的注册表并不知道它们。这正是 kv-nested 要解决的问题。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>KV with a one_for_all registry supervisor</source>
        <translation>带有 one_for_all 注册表监督者的 KV</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The guide&apos;s fix for orphaned buckets: KV.Registry and KV.BucketSupervisor live under their own one_for_all supervisor, KV.RegistrySupervisor, beside the event manager. Try: kill KV.Registry and watch the one_for_all strategy stop the bucket supervisor too (and with it every bucket) and restart both, so the registry and the buckets never disagree. Killing a bucket still only sends a DOWN.</source>
        <translation>指南中对孤儿桶的修复：KV.Registry 和 KV.BucketSupervisor 位于它们自己的 one_for_all 监督者 KV.RegistrySupervisor 之下，与事件管理器并列。试试：杀死 KV.Registry，观察 one_for_all 策略把桶监督者也停掉（连同其下的每个桶），然后把两者都重启，这样注册表与桶就永远不会不一致。杀死一个桶仍然只会发送一个 DOWN。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Monitors: five DOWNs</source>
        <translation>监视器：五个 DOWN</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The watcher spawns five workers and monitors each one (dashed arrows). One after the other the workers end: the middle one with :some_reason, the others with :normal. Every ending sends a DOWN to the watcher, whatever the reason, and the watcher keeps running: a monitor only reports. The watcher ends with five {:DOWN, ref, :process, pid, reason} messages in its mailbox. Try: kill the watcher before the workers end: the workers do not notice (monitors are one-way).</source>
        <translation>监视方创建五个工作进程并逐一监视（虚线箭头）。工作进程一个接一个地结束：中间那个以 :some_reason 结束，其余的以 :normal 结束。无论原因为何，每次结束都会向监视方发送一个 DOWN，而监视方继续运行：监视器只负责报告。最终监视方的邮箱里有五条 {:DOWN, ref, :process, pid, reason} 消息。试试：在工作进程结束之前杀死监视方：工作进程不会察觉（监视是单向的）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trapping exits</source>
        <translation>捕获退出</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The parent sets trap_exit (a shield around it) and spawn_links a child, which soon exits with :kaboom. Without the shield the exit signal would kill the parent; with it the signal turns into the message {:EXIT, child, :kaboom} in the parent&apos;s mailbox and the parent lives on. Try: untrap the parent before the child ends, or send the parent an exit with :kill, which no shield stops.</source>
        <translation>父进程设置了 trap_exit（周围的一层护盾），并用 spawn_link 创建一个子进程，子进程很快以 :kaboom 退出。没有护盾时，退出信号会杀死父进程；有了护盾，信号会变成父进程邮箱中的消息 {:EXIT, child, :kaboom}，父进程继续存活。试试：在子进程结束之前取消父进程的捕获退出，或者以 :kill 向父进程发送退出信号，任何护盾都挡不住它。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A chain of links</source>
        <translation>链接链</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A chain of linked processes, :chain_0 to :chain_N, each spawn_linked by the one before; one member in the middle traps exits. The director kills :chain_0: the :killed exit signal travels hop by hop down the chain, killing each member, until it reaches the trapping member, where it becomes an {:EXIT, ...} message and stops. The rest of the chain survives. Try: kill a member behind the trapper, or untrap it first and watch the whole chain go.</source>
        <translation>一条由链接的进程组成的链，从 :chain_0 到 :chain_N，每个进程都由前一个用 spawn_link 创建；中间有一个成员捕获退出。导演进程杀死 :chain_0：:killed 退出信号沿着链一跳一跳地传递，杀死每个成员，直到到达捕获退出的成员，在那里变成一条 {:EXIT, ...} 消息并停止传播。链的其余部分得以幸存。试试：杀死捕获者之后的某个成员，或者先取消它的捕获退出，看着整条链全部消失。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Three restart strategies</source>
        <translation>三种重启策略</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Three supervisors side by side, :one_for_one, :one_for_all and :rest_for_one, each with the same four children a, b, c, d started in that order. After a while the director crashes child b under each of them. :one_for_one restarts b alone; :one_for_all stops the others (d, c, a: reverse order) and restarts all four; :rest_for_one restarts b and the children started after it, c and d. Compare the new pids. Try: kill a or d yourself under each supervisor.</source>
        <translation>三个监督者并排放置：:one_for_one、:one_for_all 和 :rest_for_one，每个都有相同的四个子进程 a、b、c、d，按此顺序启动。过一会儿，导演进程让每个监督者下的子进程 b 崩溃。:one_for_one 只重启 b；:one_for_all 停止其他子进程（d、c、a：逆序）并重启全部四个；:rest_for_one 重启 b 以及在它之后启动的子进程 c 和 d。比较新的 pid。试试：自己在每个监督者下杀死 a 或 d。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Restart storm</source>
        <translation>重启风暴</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A worker that crashes on a timer, under :storm_sup (at most max_restarts restarts in 5 s), under :storm_root (at most root_max_restarts in 5 s). Each crash is a restart; when the crashes come too fast :storm_sup gives up, stops its children and exits with :shutdown, and the failure climbs one level: :storm_root restarts :storm_sup, the storm starts again, until the root gives up too and the whole tree is gone. Try: raise crash_every_ms above 1700 and the tree copes forever.</source>
        <translation>一个按定时器崩溃的工作进程，位于 :storm_sup 之下（5 秒内最多重启 max_restarts 次），而 :storm_sup 又位于 :storm_root 之下（5 秒内最多 root_max_restarts 次）。每次崩溃都会引发一次重启；当崩溃来得太快时，:storm_sup 放弃，停止其子进程并以 :shutdown 退出，故障随之上升一层：:storm_root 重启 :storm_sup，风暴再次开始，直到根监督者也放弃，整棵树随之消失。试试：把 crash_every_ms 调到 1700 以上，这棵树就能一直撑下去。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Link or monitor?</source>
        <translation>链接还是监视？</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Two parents side by side: :linker spawn_links its children (solid lines), :monitorer spawn_monitors its children (dashed arrows). After a while both parents are killed. The linked children die with them (:killed travels along every link), the monitored children carry on: a monitor goes from watcher to target only, so the parent&apos;s death reaches nobody. Try: kill a child instead: the linker dies with it, the monitorer just gets a DOWN.</source>
        <translation>两个父进程并排放置：:linker 用 spawn_link 创建子进程（实线），:monitorer 用 spawn_monitor 创建子进程（虚线箭头）。过一会儿，两个父进程都被杀死。链接的子进程随之死亡（:killed 沿每条链接传递），被监视的子进程继续运行：监视器只从监视方指向目标，因此父进程的死亡不会传给任何进程。试试：改为杀死一个子进程：:linker 会随之死亡，:monitorer 只会收到一个 DOWN。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mailbox flood</source>
        <translation>邮箱泛滥</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The :producer sends a {:job, n} message much faster than the :consumer can handle one. Nothing pushes back: the consumer&apos;s mailbox grows (watch its badge heat up) until the producer stops, then slowly drains. Try: suspend the consumer, or slow the producer down (produce_every_ms) until the mailbox stays small.</source>
        <translation>:producer 发送 {:job, n} 消息的速度远快于 :consumer 处理消息的速度。没有任何反压：消费者的邮箱不断增长（看它的徽标逐渐变热），直到生产者停止，然后再慢慢清空。试试：挂起消费者，或者把生产者放慢（produce_every_ms），直到邮箱保持很小。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A big tree</source>
        <translation>一棵大树</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A supervision tree for scale: :big_root supervises `branches` one_for_one supervisors, each with `workers` workers linked to it and a watcher that monitors every worker of its branch. A few thousand processes, links and monitors. Try: kill a branch supervisor and watch its subtree go and come back, with a DOWN for every worker reaching the branch&apos;s watcher; zoom out and kill the root.</source>
        <translation>用于展示规模的监督树：:big_root 监督 `branches` 个 one_for_one 监督者，每个监督者下有 `workers` 个与它链接的工作进程，以及一个监视该分支所有工作进程的监视方。共有几千个进程、链接和监视器。试试：杀死一个分支监督者，观察它的子树消失又恢复，每个工作进程都会向该分支的监视方发送一个 DOWN；缩小视图，然后杀死根监督者。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Netsplit</source>
        <translation>网络分裂</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Three nodes, :&quot;a@host&quot;, :&quot;b@host&quot; and :&quot;c@host&quot;. On a, :pinger sends {:ping, n, pid} to the :echo of b and the :echo of c (names are per node: {:echo, :&quot;b@host&quot;}); b&apos;s :echo passes each ping on to c&apos;s, so b and c are connected too. :linker on a traps exits and is linked to :partner on b; :watcher on a monitors :target on c and monitors both nodes. After a while the :director cuts a off from b and c: every link and monitor across the cut fires on both sides with :noconnection, though nothing crashed. :partner dies with :noconnection, :linker gets {:EXIT, partner, :noconnection}; :watcher gets {:DOWN, ref, :process, target, :noconnection} and {:nodedown, node} for b and c, while :target lives on. Pings sent meanwhile are lost without an error; b and c still talk. Then the partition heals: the next ping connects again, but nothing is resurrected: the link and the monitor are gone and :partner stays dead. Try: untrap :linker before the cut and it dies with :noconnection too.</source>
        <translation>三个节点：:&quot;a@host&quot;、:&quot;b@host&quot; 和 :&quot;c@host&quot;。在 a 上，:pinger 向 b 上的 :echo 和 c 上的 :echo 发送 {:ping, n, pid}（名字按节点区分：{:echo, :&quot;b@host&quot;}）；b 的 :echo 把每个 ping 转发给 c 的 :echo，因此 b 与 c 之间也有连接。a 上的 :linker 捕获退出，并与 b 上的 :partner 链接；a 上的 :watcher 监视 c 上的 :target，同时监视这两个节点。过一会儿，:director 把 a 与 b、c 切断：跨越切断处的每个链接和监视器都在两侧以 :noconnection 触发，尽管并没有任何进程崩溃。:partner 以 :noconnection 死亡，:linker 收到 {:EXIT, partner, :noconnection}；:watcher 收到 {:DOWN, ref, :process, target, :noconnection}，以及关于 b 和 c 的 {:nodedown, node}，而 :target 仍然存活。在此期间发送的 ping 会丢失，不报任何错误；b 与 c 之间仍能通信。随后网络分区恢复：下一个 ping 会重新建立连接，但什么都不会复活：链接和监视器已经不在，:partner 依然是死的。试试：在切断之前取消 :linker 的捕获退出，它也会以 :noconnection 死亡。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A supervisor across a netsplit</source>
        <translation>跨越网络分裂的监督者</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A supervisor on :&quot;a@host&quot;, :remote_sup (one_for_one, at most max_restarts restarts in 5 s), with one child on its own node, :local_worker, and three on :&quot;b@host&quot;: :remote_1, :remote_2 and :remote_trapper, which traps exits. Their links to the supervisor cross the connection between a and b. After a while the :director partitions a from b and the links fire on both sides with :noconnection: :remote_1 and :remote_2 die with it, :remote_trapper gets {:EXIT, sup, :noconnection} and lives on, orphaned. The supervisor restarts each remote child, but b cannot be reached: as on the BEAM, spawn_link there gives a pid that is already dead and an {:EXIT, pid, :noconnection} at once, so every restart fails until the intensity is reached; :remote_sup gives up, stops :local_worker and exits with :shutdown. When the partition heals nothing comes back: no supervisor, and the orphan still runs on b, linked to nobody. Try: raise max_restarts: every restart fails just the same, only more of them.</source>
        <translation>位于 :&quot;a@host&quot; 上的监督者 :remote_sup（one_for_one，5 秒内最多重启 max_restarts 次），在自己的节点上有一个子进程 :local_worker，在 :&quot;b@host&quot; 上有三个子进程：:remote_1、:remote_2 和捕获退出的 :remote_trapper。它们与监督者之间的链接跨越 a 与 b 之间的连接。过一会儿，:director 在 a 与 b 之间制造网络分区，这些链接在两侧以 :noconnection 触发：:remote_1 和 :remote_2 随之死亡，:remote_trapper 收到 {:EXIT, sup, :noconnection} 并继续存活，成了孤儿。监督者重启每个远程子进程，但 b 无法到达：与 BEAM 上一样，在那里 spawn_link 会返回一个已经死亡的 pid，并立即产生一个 {:EXIT, pid, :noconnection}，因此每次重启都会失败，直到达到重启强度上限；:remote_sup 放弃，停止 :local_worker 并以 :shutdown 退出。网络分区恢复后，什么也不会回来：监督者已经没有了，而孤儿仍在 b 上运行，不与任何进程链接。试试：调高 max_restarts：每次重启都同样失败，只是次数更多。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ergo: a service and the workers linked to it</source>
        <translation>Ergo：一个服务以及链接到它的工作进程</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The Ergo chapter&apos;s shared service: :service and workers that each link to it (Process.link, LinkPID in Ergo). In Ergo a link is one-way, drawn as an arrow from the worker to the service: when :worker_1 crashes the service stays; when the service crashes every worker goes. On the BEAM the same links are two-way: the crash of :worker_1 takes the service and, through it, every other worker. Open View &gt; Compare semantics to see both at once.</source>
        <translation>Ergo 一章中的共享服务：:service 以及各自链接到它的工作进程（Process.link，在 Ergo 中为 LinkPID）。在 Ergo 中链接是单向的，画成从工作进程指向服务的箭头：:worker_1 崩溃时服务依然存在；服务崩溃时所有工作进程都会随之结束。在 BEAM 上同样的链接是双向的：:worker_1 的崩溃会带走服务，并经由服务带走其他所有工作进程。打开 视图 &gt; 比较语义，即可同时看到两者。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ergo: monitoring and linking a name</source>
        <translation>Ergo：监视并链接一个名字</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>:client monitors the name :db and :name_linker links to it (MonitorProcessID, LinkProcessID in Ergo). Then :db unregisters its name and lives on. In Ergo that fires both: :client gets MessageDownProcessID with ErrUnregistered and :name_linker terminates with it, while :db keeps running. On the BEAM a name monitor watches the pid the name had when it was made, so nothing happens until :db crashes later: then the DOWN names {:db, node} and the link takes :name_linker.</source>
        <translation>:client 监视名字 :db，:name_linker 链接到该名字（在 Ergo 中为 MonitorProcessID、LinkProcessID）。随后 :db 注销了自己的名字，但继续存活。在 Ergo 中这会同时触发两者：:client 收到带 ErrUnregistered 的 MessageDownProcessID，:name_linker 以此原因终止，而 :db 仍在运行。在 BEAM 上，按名字建立的监视器监视的是建立时该名字对应的 pid，因此在 :db 稍后崩溃之前什么都不会发生：届时 DOWN 中给出的是 {:db, node}，而链接会把 :name_linker 一起带走。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ergo: a DOWN overtakes the messages before it</source>
        <translation>Ergo：DOWN 赶在先前发出的消息之前</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>:producer sends jobs to a slow :consumer and ends at once; :consumer monitors it. In Ergo a process has queues drained Urgent, then System, then Main: the DOWN goes to System and is handled next, before the jobs the producer sent before it died (the mailbox shows three counters: Urgent, System, Main). On the BEAM one queue keeps the order of sending (R4.2): the DOWN comes after the last job.</source>
        <translation>:producer 向处理很慢的 :consumer 发送任务，随即结束；:consumer 监视着它。在 Ergo 中，进程有多个队列，按 Urgent（紧急）、System（系统）、Main（主）的顺序取出：DOWN 进入 System 队列并接着被处理，排在生产者死亡之前发出的任务前面（邮箱显示三个计数：Urgent、System、Main）。在 BEAM 上只有一个队列，保持发送顺序（R4.2）：DOWN 在最后一个任务之后才到达。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ergo: kill can be trapped, a parent&apos;s exit cannot</source>
        <translation>Ergo：kill 可以被捕获，父进程的退出却不能</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>:director sends an exit with reason kill to :trapper (trapping exits) and :plain, and :shutdown to :parent, whose linked :child traps exits. In Ergo the kill is trapped like any exit (MessageExitPID with TerminateReasonKill): :trapper lives, :plain terminates; and :child terminates although it traps, because a process never traps its parent&apos;s exit. Later the node&apos;s Kill ends :trapper: nothing refuses it. On the BEAM kill is untrappable (both end with :killed) and :child traps {:EXIT, parent, :shutdown} and lives.</source>
        <translation>:director 向 :trapper（捕获退出）和 :plain 发送原因为 kill 的退出信号，并向 :parent 发送 :shutdown，与 :parent 链接的 :child 捕获退出。在 Ergo 中，kill 会像其他任何退出一样被捕获（MessageExitPID，带 TerminateReasonKill）：:trapper 存活，:plain 终止；而 :child 尽管捕获退出仍会终止，因为进程永远不会捕获其父进程的退出。之后节点的 Kill 结束了 :trapper：没有什么能拒绝它。在 BEAM 上 kill 无法被捕获（两者都以 :killed 结束），而 :child 捕获到 {:EXIT, parent, :shutdown} 并继续存活。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ergo: links across nodes and a partition</source>
        <translation>Ergo：跨节点的链接与网络分区</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Two nodes, :&quot;a@host&quot; and :&quot;b@host&quot;. On a, :dependent links to :remote on b, and :node_watcher (trapping) links to node b and monitors it (LinkNode, MonitorNode in Ergo). Then a is partitioned from b. In Ergo every local link and monitor of something on b fires with ErrNoConnection: :dependent terminates, :node_watcher gets MessageExitNode and MessageDownNode, and :remote lives on (its end had no link back). After the heal nothing is restored. On the BEAM the link fires on both sides: :remote dies with :noconnection too.</source>
        <translation>两个节点：:&quot;a@host&quot; 和 :&quot;b@host&quot;。在 a 上，:dependent 链接到 b 上的 :remote，:node_watcher（捕获退出）链接到节点 b 并监视它（在 Ergo 中为 LinkNode、MonitorNode）。随后 a 与 b 之间发生网络分区。在 Ergo 中，每个指向 b 上对象的本地链接和监视器都以 ErrNoConnection 触发：:dependent 终止，:node_watcher 收到 MessageExitNode 和 MessageDownNode，而 :remote 继续存活（它那一端没有反向链接）。分区恢复后什么也不会复原。在 BEAM 上链接在两侧都会触发：:remote 也以 :noconnection 死亡。</translation>
    </message>
</context>
<context>
    <name>SlowMotion</name>
    <message>
        <location filename="../../views/SlowMotion.cpp" line="+15"/>
        <source> Slow motion </source>
        <translation> 慢动作 </translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+9"/>
        <source>off</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 ms</source>
        <translation>%1 毫秒</translation>
    </message>
</context>
<context>
    <name>Source</name>
    <message>
        <location filename="../../views/observer/Source.h" line="+110"/>
        <source>%1 follows the BEAM&apos;s rules: it has no Ergo links or monitors</source>
        <translation>%1 遵循 BEAM 的规则：其中没有 Ergo 链接或监视</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+4"/>
        <source>%1 follows the BEAM&apos;s rules: it has no aliases</source>
        <translation>%1 遵循 BEAM 的规则：没有别名</translation>
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
        <translation>Ergo Framework 的规则：单向链接，kill 可以被捕获，三个队列</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The BEAM&apos;s rules: links both ways, kill cannot be trapped, one mailbox</source>
        <translation>BEAM 的规则：双向链接，kill 无法被捕获，一个邮箱</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Processes alive and ended on this side, and which are alive on one side only</source>
        <translation>这一侧存活和已结束的进程，以及哪些只在一侧存活</translation>
    </message>
    <message>
        <location line="+88"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Restart</source>
        <translation>重新开始</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start the scenario again on both sides (Ctrl+R)</source>
        <translation>在两侧重新开始场景（Ctrl+R）</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+161"/>
        <source>Play</source>
        <translation>运行</translation>
    </message>
    <message>
        <location line="-161"/>
        <source>Run both sides at the same virtual time (Space)</source>
        <translation>让两侧在同一虚拟时间下运行（Space）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Step</source>
        <translation>单步</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deliver the next signal on both sides, at the same moment (.)</source>
        <translation>在两侧同一时刻投递下一个信号（.）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source> Speed </source>
        <translation> 速度 </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Virtual time per second of Play</source>
        <translation>运行时每秒推进的虚拟时间</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Delay on every signal between processes, per hop (0 to 2000 ms), on both sides</source>
        <translation>两侧进程间每个信号每一跳的延迟（0 到 2000 毫秒）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The virtual time both sides are at</source>
        <translation>两侧当前所处的虚拟时间</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Ghosts</source>
        <translation>幽灵</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep the processes that ended drawn, faded, with their reason, until Restart (a click lets one go)</source>
        <translation>已结束的进程保留在图中（淡化并标出原因），直到重新开始（单击可移除一个）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Presentation</source>
        <translation>演示</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Full screen, large text for the back of the room (F11)</source>
        <translation>全屏，大字号，后排也看得清（F11）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Process</source>
        <translation>进程</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Kill</source>
        <translation>杀死</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The kill nothing traps, on both sides: Process.exit(pid, :kill) on the BEAM, the node&apos;s Kill in Ergo (K)</source>
        <translation>在两侧执行无法被捕获的 kill：BEAM 上为 Process.exit(pid, :kill)，Ergo 中为节点的 Kill（K）</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+530"/>
        <source>Exit with reason</source>
        <translation>带原因退出</translation>
    </message>
    <message>
        <location line="-530"/>
        <source>Process.exit(pid, reason) on both sides</source>
        <translation>在两侧执行 Process.exit(pid, reason)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The exit reason, in Elixir syntax: :normal, :kill, {:shutdown, :tired} ...</source>
        <translation>退出原因，使用 Elixir 语法：:normal、:kill、{:shutdown, :tired} ...</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+531"/>
        <source>Send message</source>
        <translation>发送消息</translation>
    </message>
    <message>
        <location line="-531"/>
        <source>send(pid, message) on both sides</source>
        <translation>在两侧执行 send(pid, message)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The message, in Elixir syntax</source>
        <translation>消息，使用 Elixir 语法</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Actorscope %1 Compare semantics: %2</source>
        <translation>Actorscope %1 比较语义：%2</translation>
    </message>
    <message>
        <location line="+87"/>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Nothing is pending on either side</source>
        <translation>两侧都没有待投递的信号</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>%1: the scenario failed: %2</source>
        <translation>%1：场景运行失败：%2</translation>
    </message>
    <message>
        <location line="+291"/>
        <source>Process.flag(:trap_exit, true) in %1</source>
        <translation>在 %1 中 Process.flag(:trap_exit, true)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Process.flag(:trap_exit, false) in %1</source>
        <translation>在 %1 中 Process.flag(:trap_exit, false)</translation>
    </message>
    <message>
        <location line="+26"/>
        <location line="+5"/>
        <source>%1 never ran on this side</source>
        <translation>%1 从未在这一侧运行</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no process is registered as %1 here</source>
        <translation>这里没有注册为 %1 的进程</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the name %1</source>
        <translation>名字 %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 links to %2 (one-way)</source>
        <translation>%1 链接到 %2（单向）</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 monitors %2</source>
        <translation>%1 监视 %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Process.link: %1 and %2 linked both ways</source>
        <translation>Process.link：%1 与 %2 双向链接</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Process.monitor: %1 monitors %2</source>
        <translation>Process.monitor：%1 监视 %2</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Ended on both sides</source>
        <translation>两侧都已结束</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Ended in Ergo: acts on the BEAM only</source>
        <translation>已在 Ergo 中结束：只作用于 BEAM</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Not in Ergo: acts on the BEAM only</source>
        <translation>Ergo 中没有：只作用于 BEAM</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ended on the BEAM: acts in Ergo only</source>
        <translation>已在 BEAM 上结束：只作用于 Ergo</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Not on the BEAM: acts in Ergo only</source>
        <translation>BEAM 上没有：只作用于 Ergo</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Kill on both sides (untrappable; Ergo: the node&apos;s Kill)</source>
        <translation>在两侧杀死（无法捕获；Ergo：节点的 Kill）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Exit with reason...</source>
        <translation>以原因退出...</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Process.exit(%1, reason) on both sides. The reason, in Elixir syntax:</source>
        <translation>在两侧执行 Process.exit(%1, 原因)。原因（Elixir 语法）：</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Send message...</source>
        <translation>发送消息...</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>send(%1, message) on both sides. The message, in Elixir syntax:</source>
        <translation>在两侧执行 send(%1, 消息)。消息（Elixir 语法）：</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>trap_exit (both sides)</source>
        <translation>trap_exit（两侧）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Ergo: link and monitor</source>
        <translation>Ergo：链接与监视</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Link to a process (by pid)...</source>
        <translation>链接到进程（按 pid）...</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Link to a registered name...</source>
        <translation>链接到注册名...</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Monitor a process (by pid)...</source>
        <translation>监视进程（按 pid）...</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Monitor a registered name...</source>
        <translation>监视注册名...</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Ergo: a one-way link (the target&apos;s end reaches this process, not the other way). The BEAM: Process.link, both ways.</source>
        <translation>Ergo：单向链接（目标结束会传到这个进程，反之不会）。BEAM：Process.link，双向。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ergo: a monitor, by name too (ErrUnregistered when the name goes). The BEAM: Process.monitor of the pid.</source>
        <translation>Ergo：监视，也可按名字（名字消失时为 ErrUnregistered）。BEAM：对该 pid 的 Process.monitor。</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>No other process to link to or monitor</source>
        <translation>没有其他可链接或监视的进程</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Link to</source>
        <translation>链接到</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Monitor</source>
        <translation>监视</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Which registered name should %1 link to? In Ergo the link fires ErrUnregistered when the name goes; the BEAM links both ways to the pid the name has now.</source>
        <translation>%1 应链接到哪个注册名？在 Ergo 中名字消失时链接以 ErrUnregistered 触发；BEAM 则与该名字当前的 pid 双向链接。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Which registered name should %1 monitor? In Ergo the monitor fires ErrUnregistered when the name goes; the BEAM monitors the pid the name has now.</source>
        <translation>%1 应监视哪个注册名？在 Ergo 中名字消失时监视以 ErrUnregistered 触发；BEAM 则监视该名字当前的 pid。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Which process should %1 link to? One-way in Ergo, both ways on the BEAM.</source>
        <translation>%1 应链接到哪个进程？Ergo 中单向，BEAM 上双向。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Which process should %1 monitor?</source>
        <translation>%1 应监视哪个进程？</translation>
    </message>
    <message>
        <location line="-430"/>
        <source>last exit: %1 %2</source>
        <translation>最近一次退出：%1 %2</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>no exit yet</source>
        <translation>尚无退出</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>%1 alive, %2 dead</source>
        <translation>%1 个存活，%2 个已死</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>alive only here: %1</source>
        <translation>只在这里存活：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>alive only in Ergo: %1</source>
        <translation>只在 Ergo 中存活：%1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>alive only on the BEAM: %1</source>
        <translation>只在 BEAM 上存活：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the same processes alive on both sides</source>
        <translation>两侧存活的进程相同</translation>
    </message>
    <message>
        <location line="+81"/>
        <source>dead: %1</source>
        <translation>已死：%1</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>t = %1 s</source>
        <translation>t = %1 秒</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No process selected: click one on either side</source>
        <translation>未选择进程：在任意一侧点击一个进程</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>ended in Ergo</source>
        <translation>已在 Ergo 中结束</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>ended on the BEAM</source>
        <translation>已在 BEAM 上结束</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Selected: %1</source>
        <translation>已选择：%1</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>BEAM: %1  |  Ergo: %2</source>
        <translation>BEAM：%1  |  Ergo：%2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>  (paused: Step delivers it)</source>
        <translation>（已暂停：按“单步”投递）</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 has already ended, nothing sent</source>
        <translation>%1 已经结束，未发送任何内容</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 never ran on this side, nothing sent</source>
        <translation>%1 从未在这一侧运行，未发送任何内容</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>refused: %1</source>
        <translation>被拒绝：%1</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Kill(%1), the node&apos;s forced kill</source>
        <translation>Kill(%1)，由节点强制杀死</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Process.exit(%1, :kill)</source>
        <translation>Process.exit(%1, :kill)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Select a process first: click it on either side</source>
        <translation>请先选择一个进程：在任意一侧点击它</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Not an exit reason: %1</source>
        <translation>不是合法的退出原因：%1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Process.exit(%1, %2)</source>
        <translation>Process.exit(%1, %2)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Not a message: %1</source>
        <translation>不是合法的消息：%1</translation>
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
        <translation>导出(&amp;E)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Graph as &amp;PNG...</source>
        <translation>图形（PNG）(&amp;P)...</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>PNG images (*.png)</source>
        <translation>PNG 图片 (*.png)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Graph as &amp;SVG...</source>
        <translation>图形（SVG）(&amp;S)...</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>SVG images (*.svg)</source>
        <translation>SVG 图片 (*.svg)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Process table as &amp;CSV...</source>
        <translation>进程表（CSV）(&amp;C)...</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Event log as &amp;JSON Lines...</source>
        <translation>事件日志（JSON Lines）(&amp;J)...</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>JSON Lines (*.jsonl)</source>
        <translation>JSON Lines (*.jsonl)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Topology as &amp;DOT...</source>
        <translation>拓扑（DOT）(&amp;D)...</translation>
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
        <translation>筛选进程（名称、pid、状态……）</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Graph</source>
        <translation>图形(&amp;G)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Processes</source>
        <translation>进程表(&amp;P)</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Open the group</source>
        <translation>打开该组</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Draw its %L1 processes one by one? The graph gets crowded; the Processes tab lists them all.</source>
        <translation>要逐个绘制其中的 %L1 个进程吗？图会变得拥挤；“进程表”标签页列出了所有这些进程。</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Ergo mode</source>
        <translation>Ergo 模式</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The runtime follows the Ergo Framework&apos;s rules (Scenario &gt; Ergo semantics)</source>
        <translation>运行时遵循 Ergo Framework 的规则（场景 &gt; Ergo 语义）</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>The scenario is set up and paused: press Space (Resume) to run it</source>
        <translation>场景已就绪并暂停：按 Space（恢复）开始运行</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&lt;b&gt;As a script&lt;/b&gt; &amp;nbsp;&lt;code&gt;%1&lt;/code&gt;</source>
        <translation>&lt;b&gt;脚本形式&lt;/b&gt; &amp;nbsp;&lt;code&gt;%1&lt;/code&gt;</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>Deterministic mode: the scenario restarted; Step delivers one signal at a time</source>
        <translation>确定性模式：场景已重新开始；“单步”每次投递一个信号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Live mode: the scenario restarted on all cores</source>
        <translation>实时模式：场景已在所有核心上重新开始</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Ergo mode: the scenario restarted under the Ergo Framework&apos;s rules (one-way links, three queues, Kill cannot be trapped but an exit :kill can)</source>
        <translation>Ergo 模式：场景已按 Ergo Framework 的规则重新开始（单向链接，三个队列，Kill 无法被捕获，但退出 :kill 可以）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>BEAM mode: the scenario restarted under the BEAM&apos;s rules</source>
        <translation>BEAM 模式：场景已按 BEAM 的规则重新开始</translation>
    </message>
    <message>
        <location line="+9"/>
        <location filename="../../app/MainWindowActions.cpp" line="+243"/>
        <source>Resume</source>
        <translation>恢复</translation>
    </message>
    <message>
        <location line="+0"/>
        <location filename="../../app/MainWindowUi.cpp" line="+77"/>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 went away: this is their last picture (File &gt; Reconnect)</source>
        <translation>%1 已断开：这是它们的最后画面（文件 &gt; 重新连接到节点）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 went away: this is its last picture (File &gt; Reconnect)</source>
        <translation>%1 已断开：这是它的最后画面（文件 &gt; 重新连接到节点）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Showing the past: press Live to return</source>
        <translation>正在显示过去：按“实时”返回</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Paused: Space resumes, . steps</source>
        <translation>已暂停：Space 恢复，. 单步</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Paused: Space resumes</source>
        <translation>已暂停：Space 恢复</translation>
    </message>
    <message>
        <location filename="../../app/MainWindowActions.cpp" line="-400"/>
        <source>off</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../app/MainWindow.cpp" line="+35"/>
        <source>%1; its processes are shown ended (:noconnection)</source>
        <translation>%1；其进程显示为已结束（:noconnection）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The scenario failed: %1</source>
        <translation>场景运行失败：%1</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>%1 processes</source>
        <translation>%1 个进程</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>- msg/s</source>
        <translation>- 条消息/秒</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>- exits/s</source>
        <translation>- 次退出/秒</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 msg/s</source>
        <translation>%1 条消息/秒</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 exits/s</source>
        <translation>%1 次退出/秒</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 fps</source>
        <translation>%1 fps</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 events dropped</source>
        <translation>丢弃了 %1 个事件</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>live</source>
        <translation>实时</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>deterministic, t = %1 ms</source>
        <translation>确定性，t = %1 毫秒</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>, %1 pending</source>
        <translation>，%1 个待投递</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> (paused)</source>
        <translation>（已暂停）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>, fast-forwarding %L1 events</source>
        <translation>，正在快进 %L1 个事件</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>, time compressed %1x</source>
        <translation>，时间压缩 %1x</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 went away</source>
        <translation>%1 已断开</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>attached to %1</source>
        <translation>已附加到%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>, %L1 events sampled out by the agent</source>
        <translation>，代理采样时略去了 %L1 个事件</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>replay of %1 (live runtime paused)</source>
        <translation>%1 的回放（实时运行时已暂停）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>time travel (the recording); </source>
        <translation>时间回溯（录制内容）；</translation>
    </message>
    <message>
        <location line="+75"/>
        <source>Running %1 in the console</source>
        <translation>正在控制台中运行 %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Could not run %1: see the console</source>
        <translation>无法运行 %1：请查看控制台</translation>
    </message>
    <message>
        <location line="+26"/>
        <source> (Ergo mode)</source>
        <translation>（Ergo 模式）</translation>
    </message>
    <message>
        <location filename="../../app/MainWindowActions.cpp" line="-41"/>
        <location line="+263"/>
        <location line="+39"/>
        <source>Refused: </source>
        <translation>被拒绝：</translation>
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
        <translation>Kill(%1)：由节点强制杀死</translation>
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
        <translation>%1 的 trap_exit 现已%2</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>on</source>
        <translation>开启</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Suspending %1 (every call to it waits, or times out, until it is resumed)</source>
        <translation>挂起 %1（在它被恢复之前，对它的每次调用都会等待或超时）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resuming %1</source>
        <translation>恢复 %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 suspended</source>
        <translation>%1 已挂起</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 resumed</source>
        <translation>%1 已恢复</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Register a name</source>
        <translation>注册名字</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Name for %1 (an atom, without the colon):</source>
        <translation>%1 的名字（一个原子，不带冒号）：</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Process.register(%1, %2)</source>
        <translation>Process.register(%1, %2)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Linked %1 and %2 (Process.link)</source>
        <translation>已链接 %1 和 %2（Process.link）</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Could not link: </source>
        <translation>无法链接：</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>the name %1</source>
        <translation>名字 %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../app/MainWindowAttach.cpp" line="+317"/>
        <source>node %1</source>
        <translation>节点 %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 now links to %2 (one-way: it gets an exit when %2 goes)</source>
        <translation>%1 现在链接到 %2（单向：%2 结束时它会收到退出信号）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 no longer links to %2</source>
        <translation>%1 不再链接到 %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 now monitors %2</source>
        <translation>%1 现在监视 %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 no longer monitors %2</source>
        <translation>%1 不再监视 %2</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>No other node: %1 runs on the only node, and a process cannot link to or monitor its own node</source>
        <translation>没有其他节点：%1 运行在唯一的节点上，而进程不能链接到或监视自己所在的节点</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+87"/>
        <location line="+83"/>
        <source>Link to</source>
        <translation>链接到</translation>
    </message>
    <message>
        <location line="-169"/>
        <location line="+94"/>
        <location line="+77"/>
        <source>Unlink</source>
        <translation>取消链接</translation>
    </message>
    <message>
        <location line="-170"/>
        <location line="+89"/>
        <location line="+80"/>
        <source>Monitor</source>
        <translation>监视</translation>
    </message>
    <message>
        <location line="-168"/>
        <location line="+96"/>
        <location line="+74"/>
        <source>Demonitor</source>
        <translation>取消监视</translation>
    </message>
    <message>
        <location line="-163"/>
        <source>Which process should %1 link to?</source>
        <translation>%1 应链接到哪个进程？</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Which registered name should %1 link to? It must be registered now (a free name is ErrProcessUnknown); the link fires ErrUnregistered when the name goes.</source>
        <translation>%1 应链接到哪个注册名？该名字现在必须已注册（未被占用的名字会得到 ErrProcessUnknown）；名字消失时链接以 ErrUnregistered 触发。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Which node should %1 link to?</source>
        <translation>%1 应链接到哪个节点？</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Which process should %1 monitor?</source>
        <translation>%1 应监视哪个进程？</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Which registered name should %1 monitor? It must be registered now (a free name is ErrProcessUnknown); the monitor fires ErrUnregistered when the name goes.</source>
        <translation>%1 应监视哪个注册名？该名字现在必须已注册（未被占用的名字会得到 ErrProcessUnknown）；名字消失时监视器以 ErrUnregistered 触发。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Which node should %1 monitor?</source>
        <translation>%1 应监视哪个节点？</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Which process should %1 no longer link to?</source>
        <translation>%1 应不再链接到哪个进程？</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Which name should %1 no longer link to?</source>
        <translation>%1 应不再链接到哪个名字？</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Which node should %1 no longer link to?</source>
        <translation>%1 应不再链接到哪个节点？</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Which process should %1 stop monitoring?</source>
        <translation>%1 应停止监视哪个进程？</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Which name should %1 stop monitoring?</source>
        <translation>%1 应停止监视哪个名字？</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Which node should %1 stop monitoring?</source>
        <translation>%1 应停止监视哪个节点？</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>no process is %1</source>
        <translation>不存在进程 %1</translation>
    </message>
    <message>
        <location line="+124"/>
        <source>Ergo links and monitors</source>
        <translation>Ergo 链接与监视</translation>
    </message>
    <message>
        <location line="-230"/>
        <source>the alias %1</source>
        <translation>别名 %1</translation>
    </message>
    <message>
        <location line="+142"/>
        <source>No alias to choose: make one first (select a process, then Process &gt; Ergo links and monitors &gt; Create alias)</source>
        <translation>没有可选的别名：请先创建一个（选中一个进程，然后 进程 &gt; Ergo 链接与监视 &gt; 创建别名）</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Which alias should %1 link to? The link fires ErrUnregistered when the alias is deleted.</source>
        <translation>%1 应链接到哪个别名？别名被删除时链接以 ErrUnregistered 触发。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Which alias should %1 monitor? The monitor fires ErrUnregistered when the alias is deleted.</source>
        <translation>%1 应监视哪个别名？别名被删除时监视以 ErrUnregistered 触发。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Which alias should %1 no longer link to?</source>
        <translation>%1 应不再链接到哪个别名？</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Which alias should %1 stop monitoring?</source>
        <translation>%1 应停止监视哪个别名？</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 is not an alias (#Reference&lt;...&gt;)</source>
        <translation>%1 不是别名（#Reference&lt;...&gt;）</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1 has a new alias %2: link to it or monitor it (Process &gt; Ergo links and monitors &gt; ... an alias); deleting it fires them with ErrUnregistered</source>
        <translation>%1 有了新别名 %2：可以链接或监视它（进程 &gt; Ergo 链接与监视 &gt; ... 一个别名）；删除它会让这些链接和监视以 ErrUnregistered 触发</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>%1 has no alias to delete</source>
        <translation>%1 没有可删除的别名</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Delete alias</source>
        <translation>删除别名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Which alias of %1 should go? What links to it or monitors it fires with ErrUnregistered; %1 lives on.</source>
        <translation>要删除 %1 的哪个别名？链接或监视它的都会以 ErrUnregistered 触发；%1 继续运行。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Deleted the alias %1 of %2</source>
        <translation>已删除 %2 的别名 %1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Ergo mode: one-way links and monitors by pid, registered name, alias or node</source>
        <translation>Ergo 模式：按 pid、注册名、别名或节点建立单向链接和监视</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>a process (by pid)...</source>
        <translation>一个进程（按 pid）...</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a registered name...</source>
        <translation>一个注册名...</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>an alias...</source>
        <translation>一个别名...</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a node...</source>
        <translation>一个节点...</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Create alias</source>
        <translation>创建别名</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A new alias of the selected process: others can link to it or monitor it by alias</source>
        <translation>为选中的进程创建新别名：其他进程可以按别名链接或监视它</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete alias...</source>
        <translation>删除别名...</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Deletes one of the selected process&apos;s aliases: what links to it or monitors it fires ErrUnregistered</source>
        <translation>删除选中进程的一个别名：链接或监视它的会以 ErrUnregistered 触发</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Signals between %1 and %2 now take %3 ms longer</source>
        <translation>%1 与 %2 之间的信号现在多花 %3 毫秒</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Healed the partition between %1 and %2: they connect again on next use</source>
        <translation>已恢复 %1 与 %2 之间的网络分区：下次使用时它们会重新连接</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cut the connection between %1 and %2: links and monitors across it fire :noconnection on both sides. Click the broken connection to heal it.</source>
        <translation>已切断 %1 与 %2 之间的连接：跨越它的链接和监视器在两侧都以 :noconnection 触发。点击断开的连接即可恢复。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 now monitors %2 (Process.monitor)</source>
        <translation>%1 现在监视 %2（Process.monitor）</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Could not monitor: </source>
        <translation>无法监视：</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Spawned %1: %2</source>
        <translation>已创建 %1：%2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Could not spawn %1: %2</source>
        <translation>无法创建 %1：%2</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Blast radius: %1 terminate, %2 get MessageExitPID, %3 get MessageDownPID</source>
        <translation>波及范围：%1 个终止，%2 个收到 MessageExitPID，%3 个收到 MessageDownPID</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Blast radius: %1 die, %2 get an EXIT message, %3 get a DOWN</source>
        <translation>波及范围：%1 个死亡，%2 个收到 EXIT 消息，%3 个收到 DOWN</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The graph shows the past</source>
        <translation>图中显示的是过去</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Press Live on the timeline to act on processes</source>
        <translation>在时间轴上按“实时”才能操作进程</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Kill (untrappable)</source>
        <translation>杀死（无法捕获）</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Kill (the node&apos;s Kill: forced)</source>
        <translation>杀死（节点的 Kill：强制）</translation>
    </message>
    <message>
        <location line="+4"/>
        <location filename="../../app/MainWindowUi.cpp" line="+11"/>
        <source>Exit with reason...</source>
        <translation>带原因退出...</translation>
    </message>
    <message>
        <location line="+3"/>
        <location filename="../../app/MainWindowUi.cpp" line="+1"/>
        <source>Send message...</source>
        <translation>发送消息...</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>trap_exit</source>
        <translation>trap_exit</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Suspend</source>
        <translation>挂起</translation>
    </message>
    <message>
        <location line="+5"/>
        <location filename="../../app/MainWindowUi.cpp" line="+5"/>
        <source>Register a name...</source>
        <translation>注册名字...</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Expand its subtree (%L1 processes)</source>
        <translation>展开其子树（%L1 个进程）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Collapse its subtree</source>
        <translation>折叠其子树</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Unpin (let the layout place it)</source>
        <translation>取消固定（由布局自动放置）</translation>
    </message>
    <message>
        <location filename="../../app/MainWindowAnalysis.cpp" line="+49"/>
        <source>Charts</source>
        <translation>图表</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Fault injection</source>
        <translation>故障注入</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Timeline</source>
        <translation>时间轴</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Stretch as animation (MP4 or GIF)...</source>
        <translation>将区间导出为动画（MP4 或 GIF）...</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stretch as PNG frames...</source>
        <translation>将区间导出为 PNG 帧...</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>a session without a built-in scenario</source>
        <translation>一个没有内置场景的会话</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the scenario &lt;b&gt;%1&lt;/b&gt;</source>
        <translation>场景 &lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&lt;h3&gt;Replay of %1&lt;/h3&gt;&lt;p&gt;Recorded from %2 (%3 runtime) by %4%5: %6 events over %7 s.&lt;/p&gt;&lt;p&gt;Scrub on the timeline, play forward or back at 0.1x to 10x, click a marker to jump to an exit, a restart or a fault. Shift+drag on the timeline selects a stretch; right-click it to copy it as a Mermaid sequence diagram.&lt;/p&gt;&lt;p&gt;The live scenario is paused meanwhile: press &lt;b&gt;Live&lt;/b&gt; to return to it.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;%1 的回放&lt;/h3&gt;&lt;p&gt;由 %4%5 录制自%2（%3运行时）：%7 秒内共 %6 个事件。&lt;/p&gt;&lt;p&gt;可以在时间轴上拖动浏览，以 0.1x 到 10x 的速度向前或向后播放，点击标记可跳转到某次退出、重启或故障。在时间轴上按住 Shift 拖动可选择一个区间；右键点击它可复制为 Mermaid 时序图。&lt;/p&gt;&lt;p&gt;在此期间实时场景处于暂停状态：按&lt;b&gt;实时&lt;/b&gt;返回。&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>deterministic</source>
        <translation>确定性</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>threaded</source>
        <translation>多线程</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>, Ergo mode</source>
        <translation>，Ergo 模式</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> at %1</source>
        <translation> 于 %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Replaying %1 (%2 events); the live runtime is paused until you press Live</source>
        <translation>正在回放 %1（%2 个事件）；实时运行时已暂停，直到你按“实时”</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Time travel: the graph shows the recording; press Live to return</source>
        <translation>时间回溯：图中显示的是录制内容；按“实时”返回</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Live again</source>
        <translation>已回到实时</translation>
    </message>
    <message>
        <location filename="../../app/MainWindowAttach.cpp" line="-51"/>
        <source>Attached read-only: actions are refused (attach without read-only to act)</source>
        <translation>已以只读方式附加：操作会被拒绝（要执行操作，请以非只读方式附加）</translation>
    </message>
    <message>
        <location filename="../../app/MainWindowAnalysis.cpp" line="+18"/>
        <source>The graph shows the past: press Live on the timeline to act on the running processes</source>
        <translation>图中显示的是过去：在时间轴上按“实时”才能操作正在运行的进程</translation>
    </message>
    <message>
        <location line="+45"/>
        <location line="+14"/>
        <location line="+17"/>
        <source>Export animation</source>
        <translation>导出动画</translation>
    </message>
    <message>
        <location line="-31"/>
        <source>Nothing is recorded yet: run a scenario or open a recording first.</source>
        <translation>尚未录制任何内容：请先运行一个场景或打开一个录制。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Folder for the PNG frames</source>
        <translation>存放 PNG 帧的文件夹</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>MP4 video (*.mp4);;Animated GIF (*.gif)</source>
        <translation>MP4 视频 (*.mp4);;GIF 动画 (*.gif)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Rendering the animation...</source>
        <translation>正在渲染动画...</translation>
    </message>
    <message>
        <location line="+0"/>
        <location filename="../../app/MainWindowAttach.cpp" line="-168"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The animation was not saved: %1</source>
        <translation>动画未保存：%1</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>Saved %n frame(s) to %1%2</source>
        <translation>
            <numerusform>已将 %n 帧保存到 %1%2</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source> (cut at two minutes)</source>
        <translation>（截取前两分钟）</translation>
    </message>
    <message>
        <location filename="../../app/MainWindowUi.cpp" line="-15"/>
        <source>Pause or resume the runtime (Space)</source>
        <translation>暂停或恢复运行时（Space）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Step</source>
        <translation>单步</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deliver one pending signal (deterministic mode) (.)</source>
        <translation>投递一个待处理的信号（确定性模式）（.）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reset scenario</source>
        <translation>重置场景</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fit to view</source>
        <translation>适应视图</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Kill</source>
        <translation>杀死</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Toggle trap_exit</source>
        <translation>切换 trap_exit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Suspend / Resume</source>
        <translation>挂起 / 恢复</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Legend</source>
        <translation>图例</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Run script...</source>
        <translation>运行脚本(&amp;R)...</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Run an Elixir script in the console</source>
        <translation>在控制台中运行 Elixir 脚本</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Elixir scripts (*.exs *.ex);;All files (*)</source>
        <translation>Elixir 脚本 (*.exs *.ex);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Run an .exs file in the console&apos;s live session, as if typed at the iex prompt</source>
        <translation>在控制台的实时会话中运行 .exs 文件，如同在 iex 提示符下输入一样</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+190"/>
        <source>Spawn</source>
        <translation>创建进程</translation>
    </message>
    <message>
        <location line="-180"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Attach to node...</source>
        <translation>附加到节点(&amp;A)...</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show a live Erlang or Elixir node (OTP 25+) in this window</source>
        <translation>在此窗口中显示一个运行中的 Erlang 或 Elixir 节点（OTP 25+）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Attach a&amp;nother node...</source>
        <translation>连接另一个节点(&amp;N)...</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add a node of the cluster to the picture: its processes in a region of their own, links across nodes drawn</source>
        <translation>将集群中的节点加入画面：其进程位于各自的区域，跨节点的链接一并绘出</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Reconnect to the node</source>
        <translation>重新连接到节点(&amp;R)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Detach from the node</source>
        <translation>从节点分离(&amp;D)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Leave the node (the agent removes itself) and return to the scenario</source>
        <translation>离开节点（代理会自行移除）并返回场景</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Scenario</source>
        <translation>场景(&amp;S)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Ergo semantics</source>
        <translation>Ergo 语义</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Run the scenario under the Ergo Framework&apos;s rules: one-way links, links and monitors by name and node, the Urgent, System and Main queues</source>
        <translation>按 Ergo Framework 的规则运行场景：单向链接，按名字和节点建立的链接与监视，Urgent（紧急）、System（系统）和 Main（主）队列</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Ergo semantics restart the scenario under the Ergo Framework&apos;s rules.</source>
        <translation>切换到 Ergo 语义会按 Ergo Framework 的规则重新开始场景。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>BEAM semantics restart the scenario under the BEAM&apos;s rules.</source>
        <translation>切换到 BEAM 语义会按 BEAM 的规则重新开始场景。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Process</source>
        <translation>进程(&amp;P)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Link: Shift+drag from one process to another</source>
        <translation>链接：按住 Shift 从一个进程拖到另一个进程</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Monitor: Ctrl+Shift+drag from watcher to target</source>
        <translation>监视：按住 Ctrl+Shift 从监视方拖到目标</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Zoom in</source>
        <translation>放大</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zoom out</source>
        <translation>缩小</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Find process</source>
        <translation>查找进程</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Compare semantics</source>
        <translation>比较语义</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The scenario on a BEAM and an Ergo runtime side by side, stepping and acting together</source>
        <translation>在 BEAM 与 Ergo 两个运行时上并排运行同一场景，单步与操作同时作用于两边</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Presentation mode</source>
        <translation>演示模式</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Full screen, large text for the back of the room (F11)</source>
        <translation>全屏、大字号，让教室后排也能看清（F11）</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+267"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location line="-253"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The &amp;first five minutes</source>
        <translation>最初五分钟(&amp;F)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;About Actorscope</source>
        <translation>关于 Actorscope(&amp;A)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>About &amp;Qt</source>
        <translation>关于 Qt(&amp;Q)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Scenario</source>
        <translation>场景</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Switching to &quot;%1&quot; starts a new runtime.</source>
        <translation>切换到“%1”会启动一个新的运行时。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Live (threads)</source>
        <translation>实时（多线程）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deterministic (steppable)</source>
        <translation>确定性（可单步）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Live: the runtime runs on all cores in real time.
Deterministic: one thread, reproducible order; Step delivers one signal at a time.</source>
        <translation>实时：运行时在所有核心上实时运行。
确定性：单线程，顺序可复现；“单步”每次投递一个信号。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Live mode restarts the scenario on all cores.</source>
        <translation>实时模式会在所有核心上重新开始场景。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deterministic mode restarts the scenario on one thread, steppable.</source>
        <translation>确定性模式会在单个线程上重新开始场景，可单步执行。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Delay on every signal between processes, per hop (0 to 2000 ms)</source>
        <translation>进程间每个信号每一跳的延迟（0 到 2000 毫秒）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Find a name or pid</source>
        <translation>查找名字或 pid</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>No process matches &quot;%1&quot;</source>
        <translation>没有与“%1”匹配的进程</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Inspector</source>
        <translation>检查器</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scenario: what to try</source>
        <translation>场景：可以尝试的操作</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Event log</source>
        <translation>事件日志</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Console (iex)</source>
        <translation>控制台（iex）</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>The scenario as a script of the console&apos;s Elixir subset: copy it, change it, run it with File &gt; Run script...</source>
        <translation>用控制台支持的 Elixir 子集写成的场景脚本：可以复制、修改，再通过“文件 &gt; 运行脚本...”运行</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Copy the script to the clipboard</source>
        <translation>将脚本复制到剪贴板</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 copied to the clipboard</source>
        <translation>%1 已复制到剪贴板</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Run in console</source>
        <translation>在控制台中运行</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Run the script in the console&apos;s live session: its processes join the graph</source>
        <translation>在控制台的实时会话中运行脚本：它创建的进程会加入图中</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Shift+drag</source>
        <translation>Shift+拖动</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Link two processes</source>
        <translation>链接两个进程</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ctrl+Shift+drag</source>
        <translation>Ctrl+Shift+拖动</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Monitor: from the watcher to the target</source>
        <translation>监视：从监视方到目标</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>... onto a name</source>
        <translation>... 拖到名字上</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ergo mode: link or monitor by the registered name (its badge, or the name under a process)</source>
        <translation>Ergo 模式：按注册名链接或监视（拖到名字标记上，或进程下方的名字上）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Right click</source>
        <translation>右键点击</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The process&apos;s menu</source>
        <translation>进程菜单</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tab, Up/Down, Ctrl+C, Ctrl+P</source>
        <translation>Tab, Up/Down, Ctrl+C, Ctrl+P</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Console: complete, history, interrupt, insert the selected pid</source>
        <translation>控制台：补全、历史记录、中断、插入所选进程的 pid</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>About Actorscope</source>
        <translation>关于 Actorscope</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;h3&gt;Actorscope %1&lt;/h3&gt;&lt;p&gt;An Erlang-style actor runtime, shown live: processes, links, monitors, mailboxes and the signals that travel between them.&lt;/p&gt;&lt;p&gt;Space pause/resume, . step, K kill, E exit with reason, M send, T trap_exit, U suspend/resume, N register, F fit, Ctrl+F find, Shift+drag link, Ctrl+Shift+drag monitor.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Actorscope %1&lt;/h3&gt;&lt;p&gt;一个 Erlang 风格的 actor 运行时，实时展示：进程、链接、监视器、邮箱，以及在它们之间传递的信号。&lt;/p&gt;&lt;p&gt;Space 暂停/恢复，. 单步，K 杀死，E 带原因退出，M 发送消息，T trap_exit，U 挂起/恢复，N 注册名字，F 适应视图，Ctrl+F 查找，Shift+拖动 链接，Ctrl+Shift+拖动 监视。&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Actorscope will be in %1 from its next start. Restart now?</source>
        <translation>Actorscope 将在下次启动时切换为 %1。现在重启吗？</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Restart now</source>
        <translation>立即重启</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Later</source>
        <translation>稍后</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Restart the scenario?</source>
        <translation>重新开始场景？</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>The timeline&apos;s %n recorded event(s) will be cleared (File &gt; Save recording keeps them).</source>
        <translation>
            <numerusform>时间轴上录制的 %n 个事件将被清除（文件 &gt; 保存录制 可以保留它们）。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Restart</source>
        <translation>重新开始</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Do not ask again</source>
        <translation>不再询问</translation>
    </message>
    <message>
        <location filename="../../app/MainWindowAttach.cpp" line="-39"/>
        <location line="+72"/>
        <source>Already attached to %1</source>
        <translation>已经附加到 %1</translation>
    </message>
    <message>
        <location line="-33"/>
        <source>Attaching to %1...</source>
        <translation>正在附加到 %1...</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+42"/>
        <location line="+193"/>
        <location line="+37"/>
        <source>Attach to node</source>
        <translation>附加到节点</translation>
    </message>
    <message>
        <location line="-263"/>
        <source>: %L1 of %L2</source>
        <translation>：%L1 / %L2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>: %L1</source>
        <translation>：%L1</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Not attached: %1</source>
        <translation>未附加：%1</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+54"/>
        <source>, Elixir</source>
        <translation>，Elixir</translation>
    </message>
    <message>
        <location line="-53"/>
        <location line="+53"/>
        <source>, read-only</source>
        <translation>，只读</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Detached from %1: its agent removed itself and its trace flags</source>
        <translation>已从%1分离：其代理已移除自身及其设置的跟踪标志</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Left %1; its agent did not answer: it removes itself and its trace flags when it notices the connection closed</source>
        <translation>已离开 %1；其代理没有响应：它会在发现连接已关闭时移除自身及其设置的跟踪标志</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Read-only on an attached node: the BEAM lets only the process itself set its trap_exit (Process.flag/2). This shows the value the node reports.</source>
        <translation>在已附加的节点上为只读：BEAM 只允许进程自己设置其 trap_exit（Process.flag/2）。此处显示的是节点报告的值。</translation>
    </message>
    <message>
        <location line="-27"/>
        <source>The node went away: this is its last picture (File &gt; Reconnect)</source>
        <translation>节点已断开：这是它的最后画面（文件 &gt; 重新连接到节点）</translation>
    </message>
    <message>
        <location line="-214"/>
        <source>; the agent traces as a process there (its NIF did not load), which costs a busy node more</source>
        <translation>；代理在该节点上以进程方式跟踪（其 NIF 未能加载），繁忙节点的开销更大</translation>
    </message>
    <message>
        <location line="+72"/>
        <source>%1 was not added: the session it was to join ended while attaching</source>
        <translation>未添加 %1：它要加入的会话在连接期间已结束</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Already attached to %1 (as %2)</source>
        <translation>已连接到 %1（名为 %2）</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 was not added: %2</source>
        <translation>未能添加 %1：%2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 joined the picture (OTP %2%3)%4%5</source>
        <translation>%1 已加入画面（OTP %2%3）%4%5</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>Attached to %1 (OTP %2%3)%4%5</source>
        <translation>已附加到 %1（OTP %2%3）%4%5</translation>
    </message>
    <message>
        <location line="+64"/>
        <source>The nodes went away: this is their last picture (File &gt; Reconnect)</source>
        <translation>节点已断开：这是它们的最后画面（文件 &gt; 重新连接到节点）</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>The process is not affected (it does not trap exits, and the reason is :normal).</source>
        <translation>该进程不受影响（它不捕获退出，且原因是 :normal）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No other process dies through links.</source>
        <translation>没有其他进程会因链接而死亡。</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Through links, %n more process(es) die: %1.</source>
        <translation>
            <numerusform>通过链接，还有 %n 个进程会死亡：%1。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n monitor(s) get a DOWN.</source>
        <translation>
            <numerusform>%n 个监视器会收到 DOWN。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n process(es) trap the EXIT.</source>
        <translation>
            <numerusform>%n 个进程会捕获该 EXIT。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Supervisors may restart what ends.</source>
        <translation>监督者可能会重启结束的进程。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Act on %1?</source>
        <translation>要对%1执行操作吗？</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 on the live node %2.</source>
        <translation>%1，作用于运行中的节点 %2。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Do it</source>
        <translation>执行</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Don&apos;t ask again this session</source>
        <translation>本次会话中不再询问</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Attach another node</source>
        <translation>连接另一个节点</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>empty: the cookie of %1</source>
        <translation>留空：使用 %1 的 cookie</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the node&apos;s cookie</source>
        <translation>节点的 cookie</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>empty: ~/.erlang.cookie</source>
        <translation>留空：~/.erlang.cookie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Read-only: observe, refuse every action</source>
        <translation>只读：仅观察，拒绝所有操作</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Actorscope connects as a hidden node, loads a small agent module onto the node and removes it (and every trace flag it set) when it detaches or goes away. The cookie is not saved.</source>
        <translation>Actorscope 以隐藏节点的身份连接，向该节点加载一个小型代理模块，并在分离或节点断开时将其移除（连同它设置的所有跟踪标志）。cookie 不会被保存。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Node (name@host):</source>
        <translation>节点（name@host）：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cookie:</source>
        <translation>Cookie：</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Attach</source>
        <translation>附加</translation>
    </message>
</context>
<context>
    <name>actorscope::app::Tour</name>
    <message>
        <location filename="../../app/Tour.cpp" line="+16"/>
        <source>The first five minutes</source>
        <translation>最初五分钟</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Processes, links, monitors</source>
        <translation>进程、链接、监视器</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;p&gt;The graph shows the runtime live: every process is a node (circles are workers, rounded squares supervisors), a solid line is a &lt;b&gt;link&lt;/b&gt;, a dashed arrow a &lt;b&gt;monitor&lt;/b&gt; from watcher to target. The number on a node is its mailbox.&lt;/p&gt;&lt;p&gt;Pick a scenario in the toolbar; the panel &lt;i&gt;Scenario: what to try&lt;/i&gt; says what it shows.&lt;/p&gt;</source>
        <translation>&lt;p&gt;图中实时显示运行时：每个进程是一个节点（圆形是工作进程，圆角方形是监督者），实线表示&lt;b&gt;链接&lt;/b&gt;，虚线箭头表示从监视方指向目标的&lt;b&gt;监视器&lt;/b&gt;。节点上的数字是它的邮箱长度。&lt;/p&gt;&lt;p&gt;在工具栏中选择一个场景；&lt;i&gt;场景：可以尝试的操作&lt;/i&gt;面板会说明它展示的内容。&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Kill a process, watch the signals</source>
        <translation>杀死一个进程，观察信号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;p&gt;Click a process, then press &lt;b&gt;K&lt;/b&gt; (or right-click it: kill, exit with a reason you choose, send a message, trap exits).&lt;/p&gt;&lt;p&gt;Its EXIT signals travel along its links, its DOWN messages along the monitor arrows, hop by hop; nothing happens to a process before its signal arrives. A supervisor starts a new child where the old one was.&lt;/p&gt;</source>
        <translation>&lt;p&gt;点击一个进程，然后按 &lt;b&gt;K&lt;/b&gt;（或右键点击它：杀死、以你选择的原因退出、发送消息、捕获退出）。&lt;/p&gt;&lt;p&gt;它的 EXIT 信号沿着链接传播，DOWN 消息沿着监视箭头传播，一跳一跳地前进；信号到达之前，进程不会受到任何影响。监督者会在原来的位置启动一个新的子进程。&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Type the book&apos;s examples</source>
        <translation>输入书中的示例</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;p&gt;The &lt;b&gt;Console&lt;/b&gt; is an iex shell inside this runtime. Type, for example:&lt;/p&gt;&lt;pre&gt;pid = spawn_link(fn -&amp;gt; exit(:boom) end)&lt;/pre&gt;&lt;p&gt;and watch the new process appear, end, and its EXIT reach the shell. Up and Down recall history, Tab completes.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;控制台&lt;/b&gt;是运行在这个运行时中的 iex shell。例如输入：&lt;/p&gt;&lt;pre&gt;pid = spawn_link(fn -&amp;gt; exit(:boom) end)&lt;/pre&gt;&lt;p&gt;然后观察新进程出现、结束，以及它的 EXIT 到达 shell。Up 和 Down 调出历史记录，Tab 补全。&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Slow down, step, go back</source>
        <translation>放慢、单步、回退</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;p&gt;&lt;b&gt;Slow motion&lt;/b&gt; stretches every hop; &lt;b&gt;Space&lt;/b&gt; pauses; in &lt;i&gt;Deterministic&lt;/i&gt; mode &lt;b&gt;.&lt;/b&gt; steps one signal at a time.&lt;/p&gt;&lt;p&gt;The &lt;b&gt;timeline&lt;/b&gt; at the bottom records everything: drag on it to go back in time, Shift+drag to select a stretch and export it (File &amp;gt; Export: Mermaid, MP4, GIF).&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;慢动作&lt;/b&gt;会拉长每一跳；&lt;b&gt;Space&lt;/b&gt; 暂停；在&lt;i&gt;确定性&lt;/i&gt;模式下，&lt;b&gt;.&lt;/b&gt; 每次单步投递一个信号。&lt;/p&gt;&lt;p&gt;底部的&lt;b&gt;时间轴&lt;/b&gt;记录一切：在上面拖动可回到过去，按住 Shift 拖动可选择一个区间并导出（文件 &amp;gt; 导出：Mermaid、MP4、GIF）。&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>In front of a class</source>
        <translation>在课堂上</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;p&gt;&lt;b&gt;F11&lt;/b&gt;: presentation mode, full screen with large text for the back of the room. &lt;b&gt;F1&lt;/b&gt;: every shortcut. View &amp;gt; Language: English, Русский, 简体中文.&lt;/p&gt;&lt;p&gt;This tour is in Help &amp;gt; The first five minutes.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;F11&lt;/b&gt;：演示模式，全屏、大字号，让教室后排也能看清。&lt;b&gt;F1&lt;/b&gt;：所有快捷键。视图 &amp;gt; 语言：English、Русский、简体中文。&lt;/p&gt;&lt;p&gt;本导览位于 帮助 &amp;gt; 最初五分钟。&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Back</source>
        <translation>上一步</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+30"/>
        <source>Next</source>
        <translation>下一步</translation>
    </message>
    <message>
        <location line="-28"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>%1 of %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Done</source>
        <translation>完成</translation>
    </message>
</context>
<context>
    <name>actorscope::views::AttachSource</name>
    <message>
        <location filename="../../views/observer/AttachSource.cpp" line="-149"/>
        <source>%1 is not a process of an attached node (its node went away, or was never attached)</source>
        <translation>%1 不是已连接节点上的进程（其节点已断开，或从未连接）</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>node %1</source>
        <translation>节点 %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>nodes %1</source>
        <translation>节点 %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> (read-only)</source>
        <translation>（只读）</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>trap_exit cannot be set from outside on a BEAM node: only the process itself can call Process.flag(:trap_exit, ...). The checkbox shows the value the node reports.</source>
        <translation>在 BEAM 节点上无法从外部设置 trap_exit：只有进程自己才能调用 Process.flag(:trap_exit, ...)。复选框显示的是节点报告的值。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>on an attached node a link is made by the process itself (Process.link/1); use the console</source>
        <translation>在已附加的节点上，链接由进程自己建立（Process.link/1）；请使用控制台</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>on an attached node a monitor is made by the process itself (Process.monitor/1); use the console</source>
        <translation>在已附加的节点上，监视由进程自己建立（Process.monitor/1）；请使用控制台</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>registering another process&apos;s name on an attached node: use the console (Process.register/2)</source>
        <translation>要在已附加的节点上为其他进程注册名字：请使用控制台（Process.register/2）</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>nothing is spawned on an attached node from the window; use the console</source>
        <translation>无法从窗口在已附加的节点上创建进程；请使用控制台</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>faults are injected into the embedded runtime; on an attached node kill or exit a process from the inspector or the Process menu (they ask first)</source>
        <translation>故障只能注入到内置运行时中；在已附加的节点上，请通过检查器或“进程”菜单杀死进程或让进程退出（会先询问确认）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the detection delay of a real node is its net_ticktime; set it there</source>
        <translation>真实节点的检测延迟就是它的 net_ticktime；请在节点上设置</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the chaos monkey runs on the embedded runtime only</source>
        <translation>混沌猴只能在内置运行时上运行</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>fault plans run on the embedded runtime only</source>
        <translation>故障计划只能在内置运行时上运行</translation>
    </message>
</context>
<context>
    <name>actorscope::views::ChartsWidget</name>
    <message>
        <location filename="../../views/ChartsWidget.cpp" line="+47"/>
        <source>Window</source>
        <translation>时间窗口</translation>
    </message>
    <message>
        <location line="+4"/>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>How far back the charts show</source>
        <translation>图表显示多长时间之前的数据</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Top N mailboxes</source>
        <translation>前 N 个邮箱</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Chart the mailboxes of the N processes with the longest queues (and the selected ones: Ctrl+click a process to add it)</source>
        <translation>绘制队列最长的 N 个进程的邮箱（以及已选中的进程：按住 Ctrl 点击进程即可添加）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Mailbox length</source>
        <translation>邮箱长度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Processes alive</source>
        <translation>存活进程数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Messages / s</source>
        <translation>消息数 / 秒</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Exits and restarts / s</source>
        <translation>退出与重启 / 秒</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>exits</source>
        <translation>退出</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>restarts</source>
        <translation>重启</translation>
    </message>
</context>
<context>
    <name>actorscope::views::ConsoleWidget</name>
    <message>
        <location filename="../../views/ConsoleWidget.cpp" line="+72"/>
        <location line="+89"/>
        <source>Elixir: spawn(fn -&gt; receive do x -&gt; x end end)   (Enter runs, Shift+Enter new line)</source>
        <translation>Elixir: spawn(fn -&gt; receive do x -&gt; x end end)   （Enter 运行，Shift+Enter 换行）</translation>
    </message>
    <message>
        <location line="-81"/>
        <source>The node the console evaluates on</source>
        <translation>控制台在其上求值的节点</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Pid</source>
        <translation>Pid</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Insert the pid of the selected process (Ctrl+P)</source>
        <translation>插入所选进程的 pid（Ctrl+P）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Interrupt</source>
        <translation>中断</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop the running evaluation (Ctrl+C)</source>
        <translation>停止正在进行的求值（Ctrl+C）</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>** the shell could not start: %1</source>
        <translation>** shell 无法启动：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No shell: %1</source>
        <translation>没有 shell：%1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Interactive shell on the live runtime; the shell is process %1. Tab completes, Up/Down history, Ctrl+C interrupts, Ctrl+P inserts the selected pid.</source>
        <translation>运行在实时运行时上的交互式 shell；shell 本身是进程 %1。Tab 补全，Up/Down 浏览历史，Ctrl+C 中断，Ctrl+P 插入所选进程的 pid。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Evaluated on the node   (Enter runs, Shift+Enter new line)</source>
        <translation>在节点上求值   （Enter 运行，Shift+Enter 换行）</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>** busy: the shell is still evaluating</source>
        <translation>** 忙：shell 仍在求值</translation>
    </message>
    <message>
        <location line="+85"/>
        <location line="+20"/>
        <location line="+46"/>
        <source>** the shell is not running</source>
        <translation>** shell 没有在运行</translation>
    </message>
    <message>
        <location line="-62"/>
        <location line="+20"/>
        <location line="+138"/>
        <source>** busy: the previous input is still running (Ctrl+C interrupts it)</source>
        <translation>** 忙：上一条输入仍在运行（Ctrl+C 可中断）</translation>
    </message>
    <message>
        <location line="-133"/>
        <source># script %1 (1 line)</source>
        <translation># 脚本 %1（1 行）</translation>
    </message>
    <message>
        <location line="+0"/>
        <source># script %1 (%2 lines)</source>
        <translation># 脚本 %1（%2 行）</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>no such file or directory</source>
        <translation>没有这个文件或目录</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>illegal operation on a directory</source>
        <translation>对目录的非法操作</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>permission denied</source>
        <translation>权限不足</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>** (File.Error) could not read file &quot;%1&quot;: %2</source>
        <translation>** (File.Error) 无法读取文件 &quot;%1&quot;：%2</translation>
    </message>
    <message>
        <location line="+78"/>
        <source>... %1 more</source>
        <translation>……还有 %1 个</translation>
    </message>
</context>
<context>
    <name>actorscope::views::EventLogWidget</name>
    <message>
        <location filename="../../views/EventLog.cpp" line="+127"/>
        <source>Filter: a pid, a name, a reason...</source>
        <translation>筛选：pid、名字、原因……</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>All events</source>
        <translation>全部事件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Exits, signals, restarts</source>
        <translation>退出、信号、重启</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Links and monitors</source>
        <translation>链接与监视器</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Spawns, exits, restarts</source>
        <translation>创建、退出、重启</translation>
    </message>
</context>
<context>
    <name>actorscope::views::FaultPanel</name>
    <message>
        <location filename="../../views/FaultPanel.cpp" line="+43"/>
        <source>name or pid (the selection)</source>
        <translation>名字或 pid（默认为所选进程）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Chaos monkey</source>
        <translation>混沌猴</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+76"/>
        <location line="+56"/>
        <location line="+7"/>
        <source> ms</source>
        <translation> 毫秒</translation>
    </message>
    <message>
        <location line="-138"/>
        <source>Kill every</source>
        <translation>杀死间隔</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Exit reason of each kill (any term, e.g. {:shutdown, :chaos})</source>
        <translation>每次杀死时使用的退出原因（任意项，例如 {:shutdown, :chaos}）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Workers (children of supervisors)</source>
        <translation>工作进程（监督者的子进程）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Subtree of...</source>
        <translation>某进程的子树...</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All but supervisors</source>
        <translation>除监督者外的所有进程</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Among</source>
        <translation>范围</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>subtree root: name or pid</source>
        <translation>子树的根：名字或 pid</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Root</source>
        <translation>根</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The same seed gives the same victims in deterministic mode</source>
        <translation>在确定性模式下，相同的种子会选中相同的受害进程</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Seed</source>
        <translation>种子</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Start chaos</source>
        <translation>开始混沌</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+164"/>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <location line="-153"/>
        <source>On the target</source>
        <translation>作用于目标</translation>
    </message>
    <message>
        <location line="+11"/>
        <source> /s</source>
        <translation> 条/秒</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>at once</source>
        <translation>一次全部</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Flood</source>
        <translation>洪泛</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Messages</source>
        <translation>消息</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>edge to (optional)</source>
        <translation>连线的另一端（可选）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Delay</source>
        <translation>延迟</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Latency of the target&apos;s signals (to the peer only when one is given); with no target, of every signal</source>
        <translation>目标所发信号的延迟（如果指定了另一端，则只作用于发往它的信号）；未指定目标时，作用于所有信号</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Latency</source>
        <translation>时延</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Suspend</source>
        <translation>挂起</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Resume</source>
        <translation>恢复</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Kill</source>
        <translation>杀死</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Network partition</source>
        <translation>网络分区</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>until healed</source>
        <translation>直到恢复</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>For</source>
        <translation>持续</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>immediately</source>
        <translation>立即</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How long each side takes to notice a partition (net_ticktime): the :noconnection exits, DOWNs and nodedown notices arrive that late; messages sent meanwhile are lost</source>
        <translation>每一侧察觉网络分区所需的时间（net_ticktime）：:noconnection 退出、DOWN 和 nodedown 通知会延迟这么久才到达；在此期间发送的消息会丢失</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Noticed after</source>
        <translation>察觉延迟</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A partition is now noticed after %1 ms</source>
        <translation>现在网络分区会在 %1 毫秒后被察觉</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cut off</source>
        <translation>切断</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Partition the checked nodes from every other node: links and monitors across fire :noconnection on both sides, and what is in flight is lost</source>
        <translation>把勾选的节点与其他所有节点分隔开：跨越分区的链接和监视器在两侧都以 :noconnection 触发，正在传输途中的内容会丢失</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Heal all</source>
        <translation>全部恢复</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Check the nodes to cut off from the others first</source>
        <translation>请先勾选要与其他节点切断的节点</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Fault plan</source>
        <translation>故障计划</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No plan loaded: the faults injected here are collected, Save writes them.</source>
        <translation>未加载计划：在这里注入的故障会被收集起来，“保存”会把它们写入文件。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Load...</source>
        <translation>加载...</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save...</source>
        <translation>保存...</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Load fault plan</source>
        <translation>加载故障计划</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+6"/>
        <source>Fault plans (*.json);;All files (*)</source>
        <translation>故障计划 (*.json);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Save fault plan</source>
        <translation>保存故障计划</translation>
    </message>
    <message>
        <location line="+81"/>
        <source>Chaos monkey not started: %1</source>
        <translation>混沌猴未启动：%1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Chaos monkey %1 kills one process every %2 ms (seed %3)</source>
        <translation>混沌猴 %1 每 %2 毫秒杀死一个进程（种子 %3）</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Chaos stopped</source>
        <translation>混沌已停止</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Check the side to cut off from the rest; or drag across a connection in the graph.</source>
        <translation>勾选要与其余节点切断的一侧；或者在图中横向拖过一条连接。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>One node only. Pick the netsplit scenario, or start a node in the console: Node.start(:a, :shortnames) then :peer.start_link(%{name: :b})</source>
        <translation>只有一个节点。选择 netsplit 场景，或者在控制台中启动一个节点：Node.start(:a, :shortnames)，然后 :peer.start_link(%{name: :b})</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Injected: %1</source>
        <translation>已注入：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 failed: %2</source>
        <translation>%1 失败：%2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1: %2 faults. %3</source>
        <translation>%1：%2 个故障。%3</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Saved %1 faults to %2</source>
        <translation>已将 %1 个故障保存到 %2</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The plan is empty</source>
        <translation>计划为空</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The plan did not start: %1</source>
        <translation>计划未能启动：%1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Running a plan of %1 faults (%2)</source>
        <translation>正在运行包含 %1 个故障的计划（%2）</translation>
    </message>
</context>
<context>
    <name>actorscope::views::GraphScene</name>
    <message>
        <location filename="../../views/GraphScene.cpp" line="+1011"/>
        <source>%1: click to open</source>
        <translation>%1：点击打开</translation>
    </message>
</context>
<context>
    <name>actorscope::views::GraphView</name>
    <message>
        <location filename="../../views/GraphView.cpp" line="+336"/>
        <source>signal delay %1 ms</source>
        <translation>信号延迟 %1 毫秒</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>drag ← → to set the delay (now %1 ms)</source>
        <translation>左右拖动 ← → 设置延迟（当前 %1 毫秒）</translation>
    </message>
    <message>
        <location line="-302"/>
        <source>worker process</source>
        <translation>工作进程</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>supervisor</source>
        <translation>监督者</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>console shell (iex)</source>
        <translation>控制台 shell（iex）</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>traps exits (ring)</source>
        <translation>捕获退出（圆环）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>link</source>
        <translation>链接</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>monitor (watcher → target)</source>
        <translation>监视器（监视方 → 目标）</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>one-way link (linker → target)</source>
        <translation>单向链接（链接方 → 目标）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>exit :kill / crash</source>
        <translation>退出 :kill / 崩溃</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>exit :normal, :shutdown</source>
        <translation>退出 :normal、:shutdown</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>exit Kill / Panic</source>
        <translation>退出 Kill / Panic</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>exit Normal, Shutdown</source>
        <translation>退出 Normal、Shutdown</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>DOWN message</source>
        <translation>DOWN 消息</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>DOWN message (MessageDown)</source>
        <translation>DOWN 消息（MessageDown）</translation>
    </message>
    <message>
        <location line="+151"/>
        <source>%1: partitioned. Click to heal.</source>
        <translation>%1：已分区。点击即可恢复。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1: connected. Drag across it to cut it (a partition).</source>
        <translation>%1：已连接。横向拖过它即可将其切断（网络分区）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1: disconnected; made again on next use. Drag across it to partition.</source>
        <translation>%1：已断开；下次使用时会重新建立。横向拖过它即可造成网络分区。</translation>
    </message>
    <message>
        <location line="+123"/>
        <source>already partitioned: click to heal</source>
        <translation>已处于分区状态：点击即可恢复</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>release to cut this connection</source>
        <translation>松开即可切断这条连接</translation>
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
        <translation>杀死</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Exit...</source>
        <translation>退出...</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Send...</source>
        <translation>发送...</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+153"/>
        <source>Suspend</source>
        <translation>挂起</translation>
    </message>
    <message>
        <location line="-145"/>
        <location line="+140"/>
        <source>Process.exit(pid, :kill): untrappable (K)</source>
        <translation>Process.exit(pid, :kill)：无法捕获（K）</translation>
    </message>
    <message>
        <location line="-139"/>
        <source>Process.exit(pid, reason) with a reason you pick (E)</source>
        <translation>Process.exit(pid, reason)，原因由你选择（E）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>send(pid, message) (M)</source>
        <translation>send(pid, message)（M）</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+70"/>
        <source>Process.flag(:trap_exit, ...) (T)</source>
        <translation>Process.flag(:trap_exit, ...)（T）</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>No process selected</source>
        <translation>未选择进程</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unknown process</source>
        <translation>未知进程</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Click a process in the graph, the table or the log.</source>
        <translation>在图中、进程表或日志中点击一个进程。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>%1 %2, %3 in mailbox</source>
        <translation>%1 %2，邮箱中有 %3 条消息</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>supervisor</source>
        <translation>监督者</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>process</source>
        <translation>进程</translation>
    </message>
    <message>
        <location line="+4"/>
        <source> (Urgent %1, System %2, Main %3)</source>
        <translation>（Urgent %1，System %2，Main %3）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>DEAD: %1 (terminated: %2)</source>
        <translation>已死亡：%1（终止：%2）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>DEAD: terminated: %1</source>
        <translation>已死亡：终止：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>DEAD: %1 (exited with %2)</source>
        <translation>已死亡：%1（以 %2 退出）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>DEAD: exited with %1</source>
        <translation>已死亡：以 %1 退出</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The node&apos;s Kill(pid): forced, it cannot be trapped (K)</source>
        <translation>节点的 Kill(pid)：强制，无法捕获（K）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Resume</source>
        <translation>恢复</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>restarts</source>
        <translation>重启</translation>
    </message>
    <message numerus="yes">
        <location line="+0"/>
        <source>%n time(s) before this pid (by its supervisor)</source>
        <translation>
            <numerusform>在此 pid 之前已被其监督者重启 %n 次</numerusform>
        </translation>
    </message>
    <message>
        <location line="+14"/>
        <source>links to (one-way)</source>
        <translation>链接到（单向）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>linked by (one-way)</source>
        <translation>链接它的进程（单向）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>link to %1 (%2)</source>
        <translation>链接到 %1（%2）</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>monitor of %1 (%2)</source>
        <translation>监视 %1（%2）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>by name</source>
        <translation>按名字</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>aliases</source>
        <translation>别名</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>exit reason</source>
        <translation>退出原因</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>restarted as</source>
        <translation>重启为</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 (click to go to the new pid)</source>
        <translation>%1（点击跳转到新的 pid）</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&lt;p&gt;&lt;b&gt;Mailbox&lt;/b&gt; (%1: Urgent %2, System %3, Main %4, read in that order)&lt;/p&gt;&lt;ol style=&apos;margin-left:-20px&apos;&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;邮箱&lt;/b&gt;（%1：Urgent %2，System %3，Main %4，按此顺序读取）&lt;/p&gt;&lt;ol style=&apos;margin-left:-20px&apos;&gt;</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&lt;p&gt;&lt;b&gt;Mailbox&lt;/b&gt; (%1)&lt;/p&gt;&lt;ol style=&apos;margin-left:-20px&apos;&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;邮箱&lt;/b&gt;（%1）&lt;/p&gt;&lt;ol style=&apos;margin-left:-20px&apos;&gt;</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&lt;p&gt;... and %1 more&lt;/p&gt;</source>
        <translation>&lt;p&gt;……还有 %1 条&lt;/p&gt;</translation>
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
        <translation>名字或初始调用</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reductions</source>
        <translation>归约数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Memory</source>
        <translation>内存</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>MsgQ</source>
        <translation>消息队列</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Links</source>
        <translation>链接</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Monitors</source>
        <translation>监视器</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Restarts</source>
        <translation>重启次数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>trap_exit</source>
        <translation>trap_exit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Node</source>
        <translation>节点</translation>
    </message>
</context>
<context>
    <name>actorscope::views::RuntimeStatusWidget</name>
    <message>
        <location filename="../../views/RuntimeStatusWidget.cpp" line="+9"/>
        <source>Actorscope runtime: no processes yet</source>
        <translation>Actorscope 运行时：还没有进程</translation>
    </message>
</context>
<context>
    <name>actorscope::views::TermDialog</name>
    <message>
        <location filename="../../views/TermDialog.cpp" line="+22"/>
        <source>Exit %1</source>
        <translation>让 %1 退出</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>custom term...</source>
        <translation>自定义项...</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason:</source>
        <translation>原因：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Custom:</source>
        <translation>自定义：</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Send exit signal</source>
        <translation>发送退出信号</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Send a message to %1</source>
        <translation>向 %1 发送消息</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Message:</source>
        <translation>消息：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Send</source>
        <translation>发送</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Type a reason, for example :kaboom</source>
        <translation>输入原因，例如 :kaboom</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Will send %1</source>
        <translation>将发送 %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Type a message, for example {:hello, 1}</source>
        <translation>输入消息，例如 {:hello, 1}</translation>
    </message>
</context>
<context>
    <name>actorscope::views::TimelineWidget</name>
    <message>
        <location filename="../../views/TimelineWidget.cpp" line="+42"/>
        <source>Click or drag to travel in time; click a marker to jump to it;
Shift+drag or right-drag selects a stretch (right-click: export it as Mermaid)</source>
        <translation>点击或拖动以在时间中穿梭；点击标记可跳转到该处；
按住 Shift 拖动或用右键拖动可选择一个区间（右键点击：导出为 Mermaid）</translation>
    </message>
    <message>
        <location line="+119"/>
        <source>Clear the selection</source>
        <translation>清除选择</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Play backward</source>
        <translation>反向播放</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>◀ Back</source>
        <translation>◀ 后退</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop playing (stay at this moment)</source>
        <translation>停止播放（停留在此刻）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Play forward</source>
        <translation>正向播放</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Play ▶</source>
        <translation>播放 ▶</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Live</source>
        <translation>实时</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Return to the running runtime</source>
        <translation>返回正在运行的运行时</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Playback speed</source>
        <translation>播放速度</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Save recording...</source>
        <translation>保存录制...</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+4"/>
        <source>Save recording</source>
        <translation>保存录制</translation>
    </message>
    <message>
        <location line="-3"/>
        <location line="+9"/>
        <source>Recordings (*.jsonl);;All files (*)</source>
        <translation>录制文件 (*.jsonl);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>Open recording...</source>
        <translation>打开录制...</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+5"/>
        <source>Open recording</source>
        <translation>打开录制</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Some lines could not be read and were skipped:
</source>
        <translation>有些行无法读取，已跳过：
</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The recording could not be opened:
</source>
        <translation>无法打开录制文件：
</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Copy stretch as Mermaid</source>
        <translation>将区间复制为 Mermaid</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The selected stretch of the timeline (all of it when none is selected) as a Mermaid sequenceDiagram, to paste into notes</source>
        <translation>将时间轴上选中的区间（未选择时为整个时间轴）生成 Mermaid sequenceDiagram，便于粘贴到笔记中</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Mermaid: the stretch holds no events (Shift+drag on the timeline to select one)</source>
        <translation>Mermaid：该区间内没有事件（在时间轴上按住 Shift 拖动来选择区间）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Copied a Mermaid sequenceDiagram of %1 events to the clipboard</source>
        <translation>已将包含 %1 个事件的 Mermaid sequenceDiagram 复制到剪贴板</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save stretch as Mermaid...</source>
        <translation>将区间保存为 Mermaid...</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+10"/>
        <source>Export Mermaid</source>
        <translation>导出 Mermaid</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>The selected stretch holds no events. Shift+drag (or right-drag) on the timeline to select a stretch with spawns, messages or exits.</source>
        <translation>选中的区间内没有事件。在时间轴上按住 Shift 拖动（或用右键拖动），选择一个包含创建、消息或退出事件的区间。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Save stretch as Mermaid</source>
        <translation>将区间保存为 Mermaid</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mermaid (*.mmd *.md);;All files (*)</source>
        <translation>Mermaid (*.mmd *.md);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Could not write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Saved a Mermaid sequenceDiagram of %1 events to %2</source>
        <translation>已将包含 %1 个事件的 Mermaid sequenceDiagram 保存到 %2</translation>
    </message>
    <message>
        <location line="+316"/>
        <source>Live  •  recording %1 events (%2 s)</source>
        <translation>实时  •  正在录制 %1 个事件（%2 秒）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1%2 / %3 s  •  event %4 / %5</source>
        <translation>%1%2 / %3 秒  •  事件 %4 / %5</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>File  </source>
        <translation>文件  </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>  •  selected %1 ms</source>
        <translation>  •  已选 %1 毫秒</translation>
    </message>
</context>
</TS>
