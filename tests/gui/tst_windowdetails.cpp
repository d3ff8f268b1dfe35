// The window's details, .torrent and settings paths against a real embedded P2PSP and a second,
// publishing peer on loopback (127.1.0.x, TCP only):
//  * search results show the seeds/peers the OMS counts;
//  * a valid and a broken .torrent dropped together: the valid one joins, the broken one gets
//    a message and adds nothing; a .torrent handed over by a second launch is joined too;
//  * a file skipped in the Files tab is not downloaded; the pieces bar shows had/missing;
//    the Peers tab lists the publisher (direct, then relayed once its address is a relay);
//  * Play emits playRequested; the details show the bytes downloaded right after completion;
//  * saved settings apply at runtime: rate limits, the schedule's switch, the listen address;
//  * QAbstractItemModelTester on the live file and peer models; accessible names everywhere.
#include <instance/singleinstance.h>
#include <mainwindow.h>
#include <models/filelistmodel.h>
#include <models/format.h>
#include <models/peerlistmodel.h>
#include <models/searchresultmodel.h>
#include <models/transfermodel.h>
#include <protocol/keys.h>
#include <settings/appsettings.h>
#include <settings/ratescheduler.h>
#include <user/session/peersession.h>
#include <views/detailspane.h>
#include <views/piecesbar.h>
#include <views/searchview.h>
#include <views/transfersview.h>

#include "parts/accessibility.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QCryptographicHash>
#include <QDir>
#include <QDropEvent>
#include <QElapsedTimer>
#include <QFile>
#include <QHeaderView>
#include <QLineEdit>
#include <QMimeData>
#include <QNetworkAccessManager>
#include <QRandomGenerator>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabBar>
#include <QTabWidget>
#include <QToolBar>
#include <QToolButton>
#include <QTableView>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QtConcurrent>

#include "windowconfig.h"

using namespace mp2p;

namespace {

SessionConfig windowConfig(const QTemporaryDir &dir)
{
    return test::windowConfig(dir, QStringLiteral("127.1.0.12"));
}

QByteArray writeData(const QString &path, qint64 size, quint32 seed)
{
    QByteArray data(size, Qt::Uninitialized);
    QRandomGenerator rng(seed);
    for (qsizetype i = 0; i < data.size(); ++i)
        data[i] = char(rng.generate() & 0xff);
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(data) != data.size())
        return {};
    return QCryptographicHash::hash(data, QCryptographicHash::Sha256);
}

QByteArray digestOf(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256);
}

int rowOfTitle(QAbstractItemModel *model, const QString &title)
{
    for (int r = 0; r < model->rowCount(); ++r)
        if (model->index(r, 0).data().toString() == title)
            return r;
    return -1;
}

int rowOfFile(FileListModel *model, const QString &suffix)
{
    for (int r = 0; r < model->rowCount(); ++r)
        if (model->fileAt(r)->path.endsWith(suffix))
            return r;
    return -1;
}

void drop(QWidget *target, const QStringList &paths)
{
    auto *mime = new QMimeData;
    QList<QUrl> urls;
    for (const QString &p : paths)
        urls.append(QUrl::fromLocalFile(p));
    mime->setUrls(urls);
    QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(target, &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent dropEvent(QPointF(10, 10), Qt::CopyAction, mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(target, &dropEvent);
    delete mime;
}

} // namespace

class TestWindowDetails : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    std::unique_ptr<PeerSession> m_session;
    std::unique_ptr<MainWindow> m_window;
    QNetworkAccessManager m_network;
    std::unique_ptr<ManagedPeer> m_publisher;
    QHash<QString, QByteArray> m_torrents;  // title -> .torrent bytes from the IXS
    QHash<QString, QString> m_hashes;       // title -> info-hash

    // Publishes `path` as `title` from the second peer and keeps its .torrent from the IXS.
    void publish(const QString &path, const QString &title)
    {
        QSignalSpy published(m_publisher.get(), &ManagedPeer::published);
        QSignalSpy failed(m_publisher.get(), &ManagedPeer::operationFailed);
        m_publisher->publish({path, title, QStringLiteral("generated for a test"), {QStringLiteral("test")}});
        QVERIFY2(published.wait(30000), failed.isEmpty() ? "" : qPrintable(failed.first().first().toString()));
        const QString id = published.first().at(0).toString();
        m_hashes.insert(title, published.first().at(1).toString());
        bool got = false;
        m_session->peer()->provider()->getContent(id, [&](const JsonReply &r) {
            const auto bytes = fromBase64Url(r.body.value(QStringLiteral("torrent")).toString().toLatin1());
            if (bytes)
                m_torrents.insert(title, *bytes);
            got = true;
        });
        QVERIFY(QTest::qWaitFor([&] { return got; }, 10000));
        QVERIFY(m_torrents.contains(title));
    }

    QString saveTorrent(const QString &title, const QString &name)
    {
        const QString path = m_dir.filePath(name);
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly) || f.write(m_torrents.value(title)) != m_torrents.value(title).size())
            return {};
        return path;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        // The window's saved settings (applySavedSettings) live in this test's folder.
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_dir.filePath(QStringLiteral("config")));
        QCoreApplication::setOrganizationName(QStringLiteral("mp2p-test"));
        QCoreApplication::setApplicationName(QStringLiteral("windowdetails"));

        m_session = std::make_unique<PeerSession>(windowConfig(m_dir));
        m_window = std::make_unique<MainWindow>(m_session.get());
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        m_window->open();
        QVERIFY(QTest::qWaitFor([&] { return m_session->isReady(); }, 20000));

        PeerConfig pub;
        pub.dataDir = m_dir.filePath(QStringLiteral("publisher/state"));
        pub.providerUrl = QUrl(m_session->providerUrl());
        pub.displayName = QStringLiteral("publisher");
        pub.engine.stateDir = pub.dataDir;
        pub.engine.listenInterfaces = QStringLiteral("127.1.0.13:0");
        pub.engine.outgoingInterfaces = QStringLiteral("127.1.0.13");
        pub.engine.enableUtp = false;
        pub.advertisedAddress = QStringLiteral("127.1.0.13:0");
        pub.engine.rateLimitLocalPeers = true;  // so a runtime limit slows loopback peers too
        m_publisher = std::make_unique<ManagedPeer>(pub, &m_network);
        QSignalSpy ready(m_publisher.get(), &ManagedPeer::ready);
        m_publisher->start();
        QVERIFY(ready.wait(20000));
        // An "album" of two 2 MiB files (no piece spans both) and a single 1 MiB file.
        QVERIFY(!writeData(m_dir.filePath(QStringLiteral("publisher/files/album/a-side.bin")), 2 << 20, 1).isEmpty());
        QVERIFY(!writeData(m_dir.filePath(QStringLiteral("publisher/files/album/b-side.bin")), 2 << 20, 2).isEmpty());
        QVERIFY(!writeData(m_dir.filePath(QStringLiteral("publisher/files/single.bin")), 1 << 20, 3).isEmpty());
        publish(m_dir.filePath(QStringLiteral("publisher/files/album")), QStringLiteral("Album sample"));
        publish(m_dir.filePath(QStringLiteral("publisher/files/single.bin")), QStringLiteral("Single sample"));
    }

    void cleanupTestCase()
    {
        if (m_publisher) {
            bool done = false;
            m_publisher->shutdown([&done] { done = true; });
            QVERIFY(QTest::qWaitFor([&] { return done; }, 15000));
        }
        if (m_session) {
            bool done = false;
            m_session->shutdown([&done] { done = true; });
            QVERIFY(QTest::qWaitFor([&] { return done; }, 15000));
        }
        m_window.reset();
        m_session.reset();
    }

    void searchShowsTheSeeder()
    {
        m_window->showSearch();
        SearchView *search = m_window->searchView();
        QAbstractItemModelTester tester(search->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QTest::keyClicks(search->searchBox(), QStringLiteral("album"));
        QAbstractItemModel *results = search->resultsView()->model();
        QVERIFY(QTest::qWaitFor([&] { return rowOfTitle(results, QStringLiteral("Album sample")) >= 0; }, 10000));
        // The OMS counts the publisher once its first announce went through; ask again until then.
        QVERIFY(QTest::qWaitFor([&] {
            const int row = rowOfTitle(results, QStringLiteral("Album sample"));
            if (row >= 0 && results->index(row, SearchResultModel::Seeds).data().toString() == QLatin1String("1"))
                return true;
            QTest::keyClick(search->searchBox(), Qt::Key_Return);
            QTest::qWait(1000);
            return false;
        }, 30000));
        const int row = rowOfTitle(results, QStringLiteral("Album sample"));
        QCOMPARE(results->index(row, SearchResultModel::Peers).data().toString(), QStringLiteral("0"));
        QCOMPARE(results->index(row, SearchResultModel::Seeds).data(SearchResultModel::RawValueRole).toInt(), 1);
        QCOMPARE(results->index(row, SearchResultModel::Tags).data().toString(), QStringLiteral("test"));
        QVERIFY(!results->index(row, SearchResultModel::Date).data().toString().isEmpty());
    }

    void droppedTorrentsWithASkippedFile()
    {
        TransferModel *model = m_window->transferModel();
        QCOMPARE(model->rowCount(), 0);
        const QString album = saveTorrent(QStringLiteral("Album sample"), QStringLiteral("album.torrent"));
        const QString broken = m_dir.filePath(QStringLiteral("broken.torrent"));
        {
            QFile f(broken);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("d8:announce3:abc4:infod6:lengthi-5eee");  // bencoded, but no valid info
        }
        DetailsPane *details = m_window->detailsPane();
        QAbstractItemModelTester fileTester(details->fileModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester peerTester(details->peerModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        // As soon as the transfer exists (before its tracker answered), skip b-side.bin through
        // the Files tab, as a user choosing in the priority column would.
        const QString hash = m_hashes.value(QStringLiteral("Album sample"));
        bool skipped = false;
        connect(m_session->engine(), &PeerEngine::transferAdded, this, [&](const QString &added) {
            if (added != hash || skipped)
                return;
            m_window->transfersView()->table()->selectRow(0);
            QCOMPARE(details->infoHash(), hash);
            FileListModel *files = details->fileModel();
            QCOMPARE(files->rowCount(), 2);
            const int b = rowOfFile(files, QStringLiteral("b-side.bin"));
            skipped = files->setData(files->index(b, FileListModel::Priority), FilePriority::Skip);
        });
        // The publisher uploads slowly for now (a runtime limit), so the download lasts long
        // enough to look at its peers: libtorrent drops a connection once nothing is left to
        // exchange.
        const int limit = 128 << 10;
        m_publisher->engine()->setRateLimits(limit, 0);
        QCOMPARE(m_publisher->engine()->uploadRateLimit(), limit);
        QSignalSpy problems(m_window.get(), &MainWindow::problemShown);
        drop(m_window.get(), {broken, album});
        QCOMPARE(problems.count(), 1);
        QVERIFY2(problems.first().at(1).toString().contains(QStringLiteral("broken.torrent")), qPrintable(problems.first().at(1).toString()));
        QVERIFY2(problems.first().at(1).toString().contains(QStringLiteral("Nothing was added")), qPrintable(problems.first().at(1).toString()));
        QVERIFY(QTest::qWaitFor([&] { return model->rowCount() == 1; }, 15000));
        QVERIFY(skipped);

        // Peers: the publisher, direct, named by the OMS; then relayed once its address is a relay.
        details->tabs()->setCurrentIndex(DetailsPane::PeersTab);
        PeerListModel *peers = details->peerModel();
        QVERIFY(QTest::qWaitFor([&] { details->refreshDetails(); return peers->rowCount() >= 1; }, 15000));
        QVERIFY2(peers->index(0, PeerListModel::Address).data().toString().startsWith(QStringLiteral("127.1.0.13:")),
                 qPrintable(peers->index(0, PeerListModel::Address).data().toString()));
        QVERIFY(peers->index(0, PeerListModel::Connection).data().toString().startsWith(QStringLiteral("Direct, outgoing")));
        QVERIFY(!peers->index(0, PeerListModel::Client).data().toString().isEmpty());
        details->refreshOverlay();
        QVERIFY(QTest::qWaitFor([&] { return peers->index(0, PeerListModel::User).data().toString() == m_publisher->userId().left(12); }, 10000));
        // The embedded provider runs a one-region UNIS: the OMS names every peer's region (PID).
        QVERIFY2(QTest::qWaitFor([&] { return peers->index(0, PeerListModel::Region).data().toString() == QLatin1String("local"); }, 10000),
                 qPrintable(peers->index(0, PeerListModel::Region).data().toString()));
        QVERIFY(QTest::qWaitFor([&] { return details->text(QStringLiteral("overlaySwarm")).contains(QStringLiteral("seeds")); }, 10000));
        m_session->engine()->setRelayEndpoints({QStringLiteral("127.1.0.13")});
        details->refreshDetails();
        QVERIFY(peers->index(0, PeerListModel::Connection).data().toString().startsWith(QStringLiteral("Relayed")));
        QVERIFY(peers->index(0, PeerListModel::Connection).data(PeerListModel::RelayedRole).toBool());
        m_session->engine()->setRelayEndpoints({});
        // The pieces bar fills while the limit holds the transfer back (measured: about the limit).
        PiecesBar *bar = details->piecesBar();
        QVERIFY(QTest::qWaitFor([&] { details->refreshDetails(); return bar->haveCount() > 0; }, 15000));
        const qint64 before = model->transferAt(model->rowOf(hash))->totalDone;
        QElapsedTimer clock;
        clock.start();
        QTest::qWait(2000);  // a measurement window: the rate over 2 s, not a synchronisation
        details->refreshDetails();
        const auto during = model->transferAt(model->rowOf(hash));
        const double rate = (during->totalDone - before) / (clock.elapsed() / 1000.0);
        qInfo("publisher limited to %d B/s: %.0f B/s measured", limit, rate);
        QVERIFY2(rate < 2.5 * limit, qPrintable(QString::number(rate)));
        QVERIFY(during->totalDone < during->totalWanted);
        QVERIFY(bar->haveCount() < int(bar->pieces().size()) / 2);
        m_window->grab().save(QCoreApplication::applicationDirPath() + QStringLiteral("/windowdetails-peers.png"));

        // Lifted at runtime: the rest arrives quickly.
        m_publisher->engine()->setRateLimits(0, 0);
        QVERIFY(QTest::qWaitFor([&] {
            const auto t = model->transferAt(model->rowOf(hash));
            return t && t->state == TransferState::Seeding && t->progress >= 1.0;
        }, 40000));
        // a-side arrived intact; b-side was not downloaded.
        const QString got = m_dir.filePath(QStringLiteral("downloads/album"));
        QCOMPARE(digestOf(got + QStringLiteral("/a-side.bin")), digestOf(m_dir.filePath(QStringLiteral("publisher/files/album/a-side.bin"))));
        QVERIFY(digestOf(got + QStringLiteral("/b-side.bin")) != digestOf(m_dir.filePath(QStringLiteral("publisher/files/album/b-side.bin"))));
        QCOMPARE(model->transferAt(model->rowOf(hash))->totalWanted, qint64(2 << 20));
        details->refreshDetails();
        FileListModel *files = details->fileModel();
        const int b = rowOfFile(files, QStringLiteral("b-side.bin"));
        QCOMPARE(files->index(b, FileListModel::Priority).data().toString(), QStringLiteral("Skip"));
        QCOMPARE(files->index(b, FileListModel::Progress).data(FileListModel::RawValueRole).toDouble(), 0.0);
        QCOMPARE(files->index(rowOfFile(files, QStringLiteral("a-side.bin")), FileListModel::Progress).data(FileListModel::RawValueRole).toDouble(), 1.0);
        // The pieces bar: half had (a-side), half missing (b-side).
        QVERIFY(bar->pieces().size() >= 2);
        QCOMPARE(bar->haveCount() * 2, int(bar->pieces().size()));
        // Right after completion the downloaded bytes are shown, not "0 bytes".
        QVERIFY(QTest::qWaitFor([&] { return model->transferAt(model->rowOf(hash))->downloaded >= qint64(2 << 20); }, 5000));
        QVERIFY2(details->text(QStringLiteral("transferred")).startsWith(formatBytes(model->transferAt(model->rowOf(hash))->downloaded)),
                 qPrintable(details->text(QStringLiteral("transferred"))));

        // Play on a file and on the transfer: the window says which file of which transfer.
        QSignalSpy play(m_window.get(), &MainWindow::playRequested);
        details->tabs()->setCurrentIndex(DetailsPane::FilesTab);
        const int a = rowOfFile(files, QStringLiteral("a-side.bin"));
        details->filesView()->setCurrentIndex(files->index(a, 0));
        details->playAction()->trigger();
        QCOMPARE(play.count(), 1);
        QCOMPARE(play.first().at(0).toString(), hash);
        QCOMPARE(play.first().at(1).toInt(), files->fileAt(a)->index);
        QVERIFY(m_window->transfersView()->playAction()->isEnabled());
        m_window->transfersView()->playAction()->trigger();
        QCOMPARE(play.count(), 2);
        QCOMPARE(play.last().at(0).toString(), hash);
    }

    void secondLaunchHandsOverATorrent()
    {
        const QString name = QStringLiteral("mp2p-test-windowdetails-%1").arg(QCoreApplication::applicationPid());
        SingleInstance first(name);
        QString error;
        QVERIFY2(first.listen(&error), qPrintable(error));
        connect(&first, &SingleInstance::argumentsReceived, m_window.get(), &MainWindow::handleArguments);
        const QString single = saveTorrent(QStringLiteral("Single sample"), QStringLiteral("single.torrent"));
        QFuture<bool> second = QtConcurrent::run([name, single] {
            SingleInstance launch(name);
            return launch.sendToRunning(SingleInstance::handOffArguments({QStringLiteral("mp2p-desktop"), single}), 5000);
        });
        QVERIFY(QTest::qWaitFor([&] { return second.isFinished(); }, 10000));
        QVERIFY(second.result());
        TransferModel *model = m_window->transferModel();
        const QString hash = m_hashes.value(QStringLiteral("Single sample"));
        QVERIFY(QTest::qWaitFor([&] {
            const auto t = model->transferAt(model->rowOf(hash));
            return t && t->state == TransferState::Seeding;
        }, 40000));
        QCOMPARE(digestOf(m_dir.filePath(QStringLiteral("downloads/single.bin"))),
                 digestOf(m_dir.filePath(QStringLiteral("publisher/files/single.bin"))));
    }

    void savedSettingsApplyAtRuntime()
    {
        PeerEngine *engine = m_session->engine();
        QSettings backend;
        SettingsStore store(&backend);
        AppSettings s = store.load();
        s.downloadFolder = m_dir.filePath(QStringLiteral("downloads"));
        s.listenAddress = m_session->config().peer.engine.listenInterfaces;  // unchanged for now
        s.uploadLimitKiB = 100;
        s.downloadLimitKiB = 200;
        s.scheduleEnabled = true;
        s.scheduleFromHour = 22;
        s.scheduleToHour = 6;
        s.altUploadLimitKiB = 10;
        s.altDownloadLimitKiB = 20;
        QList<SettingsProblem> problems;
        QVERIFY(store.save(s, &problems));
        m_window->applySavedSettings();
        RateScheduler *scheduler = m_window->rateScheduler();
        QVERIFY(scheduler);
        // Noon: the normal limits, at once on the live engine.
        QTime now(12, 0);
        scheduler->setClock([&now] { return now; });
        scheduler->setCheckIntervalMs(50);
        m_window->applySavedSettings();
        QCOMPARE(engine->uploadRateLimit(), 100 * 1024);
        QCOMPARE(engine->downloadRateLimit(), 200 * 1024);
        QVERIFY(!scheduler->alternativeActive());
        // 23:00 is inside 22→6: the timer switches to the alternative limits...
        now = QTime(23, 0);
        QVERIFY(QTest::qWaitFor([&] { return engine->uploadRateLimit() == 10 * 1024; }, 5000));
        QCOMPARE(engine->downloadRateLimit(), 20 * 1024);
        QVERIFY(scheduler->alternativeActive());
        // ...and back at 06:00.
        now = QTime(6, 0);
        QVERIFY(QTest::qWaitFor([&] { return engine->uploadRateLimit() == 100 * 1024; }, 5000));

        // A new listen address applies without a restart.
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress(QStringLiteral("127.1.0.12")), 0));
        const quint16 port = probe.serverPort();
        probe.close();
        s.listenAddress = QStringLiteral("127.1.0.12:%1").arg(port);
        s.scheduleEnabled = false;
        s.uploadLimitKiB = 0;
        s.downloadLimitKiB = 0;
        QVERIFY(store.save(s, &problems));
        m_window->applySavedSettings();
        QVERIFY(QTest::qWaitFor([&] { return engine->listenPort() == port; }, 10000));
        QCOMPARE(engine->uploadRateLimit(), 0);
    }

    void creditAndAccessibility()
    {
        // The embedded provider has a PAMS: the balance is shown (0 for a fresh user).
        m_window->refreshCredit();
        QVERIFY(QTest::qWaitFor([&] { return m_window->creditText().startsWith(QStringLiteral("Credit: ")) && m_window->creditText() != QStringLiteral("Credit: –"); }, 10000));
        // Every control, toolbar buttons included, has a name and takes Tab focus. Exceptions,
        // each reachable another way: Qt's own helper buttons (table corner, toolbar/menu-bar
        // overflow, line-edit clear, tab-bar scroll arrows).
        QStringList bad;
        for (const QString &entry : inaccessibleControls(m_window.get())) {
            const bool qtInternal = entry.startsWith(QLatin1String("QTableCornerButton")) || entry.startsWith(QLatin1String("QToolBarExtension"))
                || entry.startsWith(QLatin1String("QLineEditIconButton")) || entry.contains(QLatin1String("'qt_"));
            if (!qtInternal)
                bad.append(entry);
        }
        int toolbarButtons = 0;
        for (QToolButton *button : m_window->findChildren<QToolButton *>()) {
            if (button->metaObject() != &QToolButton::staticMetaObject || qobject_cast<QTabBar *>(button->parent())
                || button->objectName().startsWith(QLatin1String("qt_")))
                continue;
            toolbarButtons += qobject_cast<QToolBar *>(button->parent()) ? 1 : 0;
            QVERIFY2((button->focusPolicy() & Qt::TabFocus) && !button->accessibleName().isEmpty(),
                     qPrintable(QStringLiteral("%1 in %2").arg(button->text(), QLatin1String(button->parent()->metaObject()->className()))));
        }
        QVERIFY2(toolbarButtons >= 4, "the transfer and file toolbars' buttons were not found");
        QVERIFY2(bad.isEmpty(), qPrintable(bad.join(QStringLiteral(", "))));
        for (QAbstractItemView *view : m_window->findChildren<QAbstractItemView *>()) {
            if (qobject_cast<QHeaderView *>(view))
                continue;  // part of its table, read out with it
            QVERIFY2(!view->accessibleName().isEmpty(), view->metaObject()->className());
            QVERIFY(view->focusPolicy() & Qt::TabFocus);
        }
        QVERIFY(!m_window->openTorrentAction()->shortcut().isEmpty());
    }
};

QTEST_MAIN(TestWindowDetails)
#include "tst_windowdetails.moc"
