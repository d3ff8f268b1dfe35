// The publish wizard end to end: a real ManagedPeer (127.1.0.2, TCP only) publishing through
// ManagedPeerPublisher to a real P2PSP running in this process; the content is then found in
// the IXS and seeded by the engine.
#include <p2psp/host/p2psphost.h>
#include <publish/publisher.h>
#include <publish/publishpages.h>
#include <publish/publishwizard.h>
#include <user/managedpeer.h>

#include <QAbstractButton>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QLineEdit>
#include <QPushButton>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <optional>

using namespace mp2p;

class TestPublishEndToEnd : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QNetworkAccessManager m_network;
    std::unique_ptr<P2pspHost> m_host;
    std::unique_ptr<ManagedPeer> m_peer;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        HostConfig host;
        host.port = 0;
        host.dataDir = m_dir.filePath(QStringLiteral("p2psp"));
        host.logLevel = QStringLiteral("warning");
        m_host = std::make_unique<P2pspHost>(host);
        QString error;
        QVERIFY2(m_host->start(&error), qPrintable(error));

        PeerConfig peer;
        peer.dataDir = m_dir.filePath(QStringLiteral("peer"));
        peer.providerUrl = QUrl(m_host->baseUrl());
        peer.displayName = QStringLiteral("wizard");
        peer.engine.stateDir = peer.dataDir;
        peer.engine.listenInterfaces = QStringLiteral("127.1.0.2:0");
        peer.engine.outgoingInterfaces = QStringLiteral("127.1.0.2");
        peer.engine.enableUtp = false;  // TCP on loopback (PITFALLS.md)
        peer.advertisedAddress = QStringLiteral("127.1.0.2:0");
        m_peer = std::make_unique<ManagedPeer>(peer, &m_network);
        QSignalSpy ready(m_peer.get(), &ManagedPeer::ready);
        QSignalSpy failed(m_peer.get(), &ManagedPeer::failed);
        m_peer->start();
        QTRY_VERIFY_WITH_TIMEOUT(!ready.isEmpty() || !failed.isEmpty(), 30000);
        QVERIFY2(failed.isEmpty(), qPrintable(failed.value(0).value(0).toString()));
    }

    void cleanupTestCase()
    {
        if (m_peer) {
            bool down = false;
            m_peer->shutdown([&down] { down = true; });
            QTRY_VERIFY_WITH_TIMEOUT(down, 30000);
            m_peer.reset();
        }
        if (m_host)
            m_host->stop();
    }

    void wizardPublishesAndSeeds()
    {
        const QString folder = m_dir.filePath(QStringLiteral("share/holiday"));
        QVERIFY(QDir().mkpath(folder));
        for (int i = 0; i < 3; ++i) {
            QFile f(folder + QStringLiteral("/photo%1.jpg").arg(i));
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(QByteArray(50000 + i * 1000, char('a' + i)));
        }
        ManagedPeerPublisher publisher(m_peer.get());
        PublishWizard wizard(&publisher);
        QSignalSpy published(&wizard, &PublishWizard::published);
        wizard.show();
        wizard.setPath(folder, true);
        wizard.button(QWizard::NextButton)->click();
        QCOMPARE(wizard.currentId(), int(PublishWizard::DetailsPage));
        wizard.findChild<QLineEdit *>(QStringLiteral("title"))->setText(QStringLiteral("Holiday photos from the wizard"));
        wizard.findChild<QLineEdit *>(QStringLiteral("tags"))->setText(QStringLiteral("photos, wizard"));
        wizard.button(QWizard::CommitButton)->click();
        QCOMPARE(wizard.currentId(), int(PublishWizard::ProgressPage));
        QVERIFY(wizard.progressPage()->busy());  // publish() returned at once: hashing is off this thread

        QTRY_VERIFY_WITH_TIMEOUT(!wizard.progressPage()->busy(), 60000);
        QVERIFY2(wizard.progressPage()->error().isEmpty(), qPrintable(wizard.progressPage()->error()));
        const QString contentId = wizard.progressPage()->contentId();
        QVERIFY(!contentId.isEmpty());
        QCOMPARE(published.size(), 1);
        QCOMPARE(wizard.findChild<QLineEdit *>(QStringLiteral("contentId"))->text(), contentId);
        QVERIFY(wizard.button(QWizard::FinishButton)->isEnabled());

        // The engine seeds it and the IXS finds it by its title.
        const QString infoHash = wizard.progressPage()->infoHash();
        QVERIFY(m_peer->engine()->hasTransfer(infoHash));
        QTRY_COMPARE_WITH_TIMEOUT(m_peer->engine()->transfer(infoHash)->state, TransferState::Seeding, 20000);
        std::optional<JsonReply> reply;
        m_peer->search(QStringLiteral("holiday wizard"), 1, 10, [&reply](const JsonReply &r) { reply = r; });
        QTRY_VERIFY_WITH_TIMEOUT(reply.has_value(), 20000);
        QVERIFY2(reply->ok(), qPrintable(reply->problem));
        const QJsonArray items = reply->body.value(QStringLiteral("items")).toArray();
        QCOMPARE(items.size(), 1);
        const QJsonObject record = items.first().toObject();
        QCOMPARE(record.value(QStringLiteral("id")).toString(), contentId);
        QCOMPARE(record.value(QStringLiteral("title")).toString(), QStringLiteral("Holiday photos from the wizard"));
        QCOMPARE(record.value(QStringLiteral("tags")).toArray().size(), 2);
    }

    void failureFromTheCoreIsShown()
    {
        // Publishing something that vanished between the pages: the core's error reaches the page.
        const QString path = m_dir.filePath(QStringLiteral("short-lived.bin"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("soon gone");
        f.close();
        ManagedPeerPublisher publisher(m_peer.get());
        PublishWizard wizard(&publisher);
        wizard.show();
        wizard.setPath(path, false);
        wizard.button(QWizard::NextButton)->click();
        QVERIFY(QFile::remove(path));
        wizard.button(QWizard::CommitButton)->click();
        QTRY_VERIFY_WITH_TIMEOUT(!wizard.progressPage()->busy(), 30000);
        QVERIFY(wizard.progressPage()->contentId().isEmpty());
        QVERIFY(!wizard.progressPage()->error().isEmpty());
        QVERIFY(wizard.progressPage()->retryButton()->isVisible());
        QVERIFY(!wizard.button(QWizard::FinishButton)->isEnabled());
    }
};

QTEST_MAIN(TestPublishEndToEnd)
#include "tst_parts_publish_e2e.moc"
