#pragma once

#include <QMainWindow>

namespace mp2p {

// The desktop app's main window. The desktop issue gives it search, transfers, publishing
// and the tray; until then it only tells the user where the headless tools are.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
};

} // namespace mp2p
