// mp2p-desktop: the Qt Widgets peer application (filled in by the desktop issue).
#include <mainwindow.h>

#include <QApplication>

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("mp2p-desktop"));
    QApplication::setApplicationVersion(QStringLiteral(MP2P_VERSION));
    mp2p::MainWindow window;
    window.show();
    return app.exec();
}
