#pragma once
// Presentation mode (F11): how much larger the text gets for the back of the room. The main
// window (MainWindow::setPresentationMode) and the compare window scale by the same factor.

namespace actorscope::app {

inline constexpr double kPresentationScale = 1.5;

}  // namespace actorscope::app
