#include "mainwindow.h"

#include <QLabel>

namespace mp2p {

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
{
    setWindowTitle(tr("mp2p"));
    auto *label = new QLabel(tr("The desktop app is not built yet. Use the headless peer: mp2p --help"), this);
    label->setAlignment(Qt::AlignCenter);
    label->setAccessibleName(tr("Status"));
    setCentralWidget(label);
    resize(640, 400);
}

} // namespace mp2p
