// The main window's ways in for .torrent files and magnet links: File → Open .torrent…,
// drag-and-drop onto the window, and the arguments a second launch hands over.
#include "mainwindow.h"

#include <user/session/peersession.h>

#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QMimeData>
#include <QStatusBar>
#include <QUrl>

namespace mp2p {

namespace {
QStringList torrentPathsOf(const QMimeData *mime)
{
    QStringList paths;
    if (!mime || !mime->hasUrls())
        return paths;
    for (const QUrl &url : mime->urls())
        if (url.isLocalFile() && url.toLocalFile().endsWith(QLatin1String(".torrent"), Qt::CaseInsensitive))
            paths.append(url.toLocalFile());
    return paths;
}
} // namespace

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    if (!torrentPathsOf(event->mimeData()).isEmpty())
        event->acceptProposedAction();
    else
        QMainWindow::dragEnterEvent(event);
}

void MainWindow::dropEvent(QDropEvent *event)
{
    const QStringList paths = torrentPathsOf(event->mimeData());
    if (paths.isEmpty()) {
        QMainWindow::dropEvent(event);
        return;
    }
    event->acceptProposedAction();
    openTorrentFiles(paths);
}

void MainWindow::openTorrentDialog()
{
    // open() rather than the static getOpenFileNames(): no nested event loop.
    auto *dialog = new QFileDialog(this, tr("Open .torrent files"), QString(), tr("Torrent files (*.torrent);;All files (*)"));
    dialog->setFileMode(QFileDialog::ExistingFiles);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QFileDialog::filesSelected, this, &MainWindow::openTorrentFiles);
    dialog->open();
}

int MainWindow::openTorrentFiles(const QStringList &paths)
{
    if (!m_session)
        return 0;
    int opened = 0;
    QStringList problems;
    for (const QString &path : paths) {
        QString error;
        if (m_session->openTorrentFile(path, &error))
            ++opened;
        else
            problems.append(error);
    }
    if (!problems.isEmpty())
        showProblem(tr("Cannot open the .torrent file", nullptr, int(problems.size())), problems.join(QStringLiteral("\n\n")));
    if (opened > 0) {
        statusBar()->showMessage(tr("Joining %n transfer(s) from .torrent files…", nullptr, opened), 5000);
        showTransfers();
    }
    return opened;
}

void MainWindow::handleArguments(const QStringList &arguments)
{
    QStringList torrents;
    for (const QString &argument : arguments) {
        if (argument.startsWith(QLatin1String("magnet:"), Qt::CaseInsensitive)) {
            if (!m_session || !m_session->peer() || !m_session->isReady()) {
                showProblem(tr("Not connected yet"), tr("mp2p is not logged in at the provider yet, so the magnet link "
                                                        "cannot be opened. Try again once the status bar says connected."));
                continue;
            }
            m_session->peer()->download(argument, m_session->config().downloadDir, false);
            showTransfers();
        } else if (argument.endsWith(QLatin1String(".torrent"), Qt::CaseInsensitive) || QFileInfo(argument).isFile()) {
            torrents.append(argument);
        }
    }
    if (!torrents.isEmpty())
        openTorrentFiles(torrents);
}

} // namespace mp2p
