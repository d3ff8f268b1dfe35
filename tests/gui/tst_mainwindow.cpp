// The real main window against a real embedded P2PSP (started by the window's PeerSession) and
// a second ManagedPeer that publishes a generated sample: search → double-click → download →
// seeding, then pause/resume/remove through the window's actions. Peers on 127.1.0.x, TCP only.
#include <mainwindow.h>
#include <models/searchresultmodel.h>
#include <models/transfermodel.h>
#include <user/engine/peerengine.h>
#include <user/managedpeer.h>
#include <user/session/peersession.h>
#include <views/detailspane.h>
#include <views/searchview.h>
#include <views/speedgraph.h>
#include <views/transfersview.h>

#include <QAction>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include "windowconfig.h"

using namespace mp2p;

namespace {

SessionConfig windowConfig(const QTemporaryDir &dir)
{
    return test::windowConfig(dir, QStringLiteral("127.1.0.2"));
}

QByteArray writeSample(const QString &path, qint64 size)
{
    QByteArray data(size, Qt::Uninitialized);
    QRandomGenerator rng(20002);
    for (qsizetype i = 0; i < data.size(); ++i)
        data[i] = char(rng.generate() & 0xff);
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(data) != data.size())
        return {};
    return QCryptographicHash::hash(data, QCryptographicHash::Sha256);
}

int rowOfTitle(QAbstractItemModel *model, const QString &title)
{
    for (int r = 0; r < model->rowCount(); ++r)
        if (model->index(r, 0).data().toString() == title)
            return r;
    return -1;
}

void selectTransferRow(TransfersView *view, int proxyRow)
{
    view->table()->selectRow(proxyRow);
}

TransferState stateOf(TransferModel *model, const QString &hash)
{
    const auto t = model->transferAt(model->rowOf(hash));
    return t ? t->state : TransferState::Error;
}

void shutdownAndWait(PeerSession *session)
{
    bool done = false;
    session->shutdown([&done] { done = true; });
    QVERIFY(QTest::qWaitFor([&done] { return done; }, 15000));
}

QString screenshotPath(const QString &name)
{
    const QString dir = QCoreApplication::applicationDirPath() + QStringLiteral("/screenshots");
    QDir().mkpath(dir);
    return dir + QLatin1Char('/') + name;
}

} // namespace

class TestMainWindow : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);  // nothing touches the real user's folders
    }

    void searchDownloadPauseResumeRemove()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        PeerSession session(windowConfig(dir));
        MainWindow window(&session);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QSignalSpy embedded(&session, &PeerSession::embeddedStarted);
        window.open();
        QVERIFY(QTest::qWaitFor([&] { return session.isReady(); }, 20000));
        QCOMPARE(embedded.count(), 1);
        QVERIFY2(window.providerStateText().contains(QStringLiteral("embedded")), qPrintable(window.providerStateText()));
        QCOMPARE(window.userIdText(), session.peer()->userId());

        // A second peer publishes a 3 MiB sample at the window's embedded provider.
        const QString samplePath = dir.filePath(QStringLiteral("publisher/files/sunrise-sample.bin"));
        const QByteArray sampleDigest = writeSample(samplePath, 3 << 20);
        QVERIFY(!sampleDigest.isEmpty());
        PeerConfig pub;
        pub.dataDir = dir.filePath(QStringLiteral("publisher/state"));
        pub.providerUrl = QUrl(session.providerUrl());
        pub.displayName = QStringLiteral("publisher");
        pub.engine.stateDir = pub.dataDir;
        pub.engine.listenInterfaces = QStringLiteral("127.1.0.3:0");
        pub.engine.outgoingInterfaces = QStringLiteral("127.1.0.3");
        pub.engine.enableUtp = false;
        pub.advertisedAddress = QStringLiteral("127.1.0.3:0");
        QNetworkAccessManager network;
        ManagedPeer publisher(pub, &network);
        QSignalSpy pubReady(&publisher, &ManagedPeer::ready);
        QSignalSpy published(&publisher, &ManagedPeer::published);
        QSignalSpy pubFailed(&publisher, &ManagedPeer::operationFailed);
        publisher.start();
        QVERIFY(pubReady.wait(20000));
        publisher.publish({samplePath, QStringLiteral("Sunrise sample"), QStringLiteral("a generated test file"),
                           {QStringLiteral("test"), QStringLiteral("video")}});
        QVERIFY2(published.wait(20000), pubFailed.isEmpty() ? "" : qPrintable(pubFailed.first().first().toString()));

        // Type into the search box; the debounced query fills the results.
        window.showSearch();
        QTableView *results = window.searchView()->resultsView();
        QTest::keyClicks(window.searchView()->searchBox(), QStringLiteral("sunrise"));
        QVERIFY(QTest::qWaitFor([&] { return rowOfTitle(results->model(), QStringLiteral("Sunrise sample")) >= 0; }, 10000));
        window.grab().save(screenshotPath(QStringLiteral("mainwindow-search.png")));

        // Double-click the result: the download starts and the window shows the transfers.
        const QModelIndex hit = results->model()->index(rowOfTitle(results->model(), QStringLiteral("Sunrise sample")), 0);
        const QPoint at = results->visualRect(hit).center();
        QTest::mouseClick(results->viewport(), Qt::LeftButton, {}, at);
        QTest::mouseDClick(results->viewport(), Qt::LeftButton, {}, at);
        TransferModel *model = window.transferModel();
        QVERIFY(QTest::qWaitFor([&] { return model->rowCount() == 1; }, 10000));
        const QString hash = model->transferAt(0)->infoHash;
        QVERIFY(QTest::qWaitFor([&] {
            const auto t = model->transferAt(model->rowOf(hash));
            return t && t->state == TransferState::Seeding && t->progress >= 1.0;
        }, 40000));
        QCOMPARE(model->index(0, TransferModel::Progress).data().toString(), QStringLiteral("100.0 %"));
        QFile got(dir.filePath(QStringLiteral("downloads/sunrise-sample.bin")));
        QVERIFY(got.open(QIODevice::ReadOnly));
        QCOMPARE(QCryptographicHash::hash(got.readAll(), QCryptographicHash::Sha256), sampleDigest);

        // The details pane follows the selection; the graph has samples; totals are shown.
        TransfersView *transfers = window.transfersView();
        selectTransferRow(transfers, 0);
        QCOMPARE(window.detailsPane()->text(QStringLiteral("infoHash")), hash);
        QCOMPARE(window.detailsPane()->text(QStringLiteral("savePath")), QDir(dir.filePath(QStringLiteral("downloads"))).absolutePath());
        QVERIFY(window.speedGraph()->sampleCount() > 1);
        window.grab().save(screenshotPath(QStringLiteral("mainwindow-transfers.png")));

        // Pause and resume through the window's actions.
        QVERIFY(transfers->pauseAction()->isEnabled());
        transfers->pauseAction()->trigger();
        QVERIFY(QTest::qWaitFor([&] { return stateOf(model, hash) == TransferState::Paused; }, 10000));
        QVERIFY(QTest::qWaitFor([&] { return transfers->resumeAction()->isEnabled(); }, 5000));
        transfers->resumeAction()->trigger();
        QVERIFY(QTest::qWaitFor([&] { return stateOf(model, hash) == TransferState::Seeding; }, 10000));
        // Space toggles pause on the selection (shortcuts need the active window and focus).
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        transfers->table()->setFocus();
        QTest::keyClick(transfers->table(), Qt::Key_Space);
        QVERIFY(QTest::qWaitFor([&] { return stateOf(model, hash) == TransferState::Paused; }, 10000));

        // Remove: a "Cancel" answer keeps it; "keep the files" removes the row, not the data.
        QStringList asked;
        auto answer = TransfersView::RemoveChoice::Cancel;
        transfers->setRemoveConfirmation([&](const QStringList &names) { asked = names; return answer; });
        PeerEngine *engine = session.peer()->engine();
        QSignalSpy removed(engine, &PeerEngine::transferRemoved);
        transfers->removeAction()->trigger();
        QCOMPARE(asked, QStringList{QStringLiteral("sunrise-sample.bin")});
        // A removal drops the engine's handle at once, so this is already decided; the resume
        // then goes through libtorrent after any removal that could have been queued, and
        // reaching Seeding again proves none was.
        QVERIFY(engine->hasTransfer(hash));
        QVERIFY(QTest::qWaitFor([&] { return transfers->resumeAction()->isEnabled(); }, 5000));
        transfers->resumeAction()->trigger();
        QVERIFY(QTest::qWaitFor([&] { return stateOf(model, hash) == TransferState::Seeding; }, 10000));
        QCOMPARE(model->rowCount(), 1);
        QVERIFY(removed.isEmpty());
        answer = TransfersView::RemoveChoice::KeepFiles;
        QTest::keyClick(transfers->table(), Qt::Key_Delete);
        QVERIFY(QTest::qWaitFor([&] { return model->rowCount() == 0; }, 10000));
        QVERIFY(QFile::exists(got.fileName()));
#ifdef MP2P_HAVE_UI_PARTS
        QVERIFY(window.publishAction()->isEnabled());
        QWidget *wizard = window.openPublishWizard();
        QVERIFY(wizard && wizard->isVisible());
        wizard->grab().save(screenshotPath(QStringLiteral("publish-wizard.png")));
        wizard->close();
#endif

        bool pubDone = false;
        publisher.shutdown([&pubDone] { pubDone = true; });
        QVERIFY(QTest::qWaitFor([&] { return pubDone; }, 15000));
        shutdownAndWait(&session);
    }

    void secondSessionOnSameFolderIsRefused()
    {
        QTemporaryDir dir;
        SessionConfig config = windowConfig(dir);
        config.peer.providerUrl = QUrl(QStringLiteral("http://127.0.0.1:9"));  // no embedded P2PSP needed here
        PeerSession first(config);
        first.open();
        PeerSession second(config);
        QSignalSpy failed(&second, &PeerSession::failed);
        second.open();
        QVERIFY(failed.wait(5000));
        QVERIFY2(failed.first().first().toString().contains(QStringLiteral("data folder")), qPrintable(failed.first().first().toString()));
        shutdownAndWait(&first);
    }

    void unreachableProviderIsShown()
    {
        QTemporaryDir dir;
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        const quint16 port = probe.serverPort();
        probe.close();  // nothing listens there now
        SessionConfig config = windowConfig(dir);
        config.peer.providerUrl = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port));
        PeerSession session(config);
        MainWindow window(&session);
        window.show();
        window.open();
        QVERIFY(QTest::qWaitFor([&] { return window.providerStateText().contains(QStringLiteral("unreachable")); }, 15000));
        QVERIFY(!session.isReady());
        // Publishing needs a login: the window says so instead of opening the wizard.
        QVERIFY(!window.publishAction()->isEnabled());
        QSignalSpy problems(&window, &MainWindow::problemShown);
        QCOMPARE(window.openPublishWizard(), nullptr);
        QCOMPARE(problems.count(), 1);
#ifdef MP2P_HAVE_UI_PARTS
        QWidget *settings = window.openSettings();  // opening writes nothing; it is only shown
        QVERIFY(settings && settings->isVisible());
        settings->close();
#endif
        shutdownAndWait(&session);
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
