// The tray controller: menu actions (triggered directly; offscreen has no tray), close to
// tray, and the download-complete notification from a real engine.
#include <tray/traycontroller.h>
#include <user/engine/peerengine.h>
#include <user/torrentmaker.h>

#include <QAction>
#include <QCloseEvent>
#include <QFile>
#include <QMenu>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QWidget>

using namespace mp2p;

class TestTray : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void menuHasTheFourActions()
    {
        QWidget window;
        TrayController tray(&window, QIcon());
        QStringList texts;
        for (QAction *a : tray.menu()->actions()) {
            if (!a->isSeparator())
                texts.append(a->text());
        }
        QCOMPARE(texts, (QStringList{QStringLiteral("&Show window"), QStringLiteral("&Pause all"),
                                     QStringLiteral("&Resume all"), QStringLiteral("&Quit")}));
    }

    void showHideTogglesTheWindow()
    {
        QWidget window;
        TrayController tray(&window, QIcon());
        tray.showInitially(false);
        QVERIFY(window.isVisible());
        QCOMPARE(tray.showHideAction()->text(), QStringLiteral("&Hide window"));
        tray.showHideAction()->trigger();
        QVERIFY(!window.isVisible());
        QCOMPARE(tray.showHideAction()->text(), QStringLiteral("&Show window"));
        tray.showHideAction()->trigger();
        QVERIFY(window.isVisible());
    }

    void pauseResumeQuitAreSignalled()
    {
        QWidget window;
        TrayController tray(&window, QIcon());
        QSignalSpy pause(&tray, &TrayController::pauseAllRequested);
        QSignalSpy resume(&tray, &TrayController::resumeAllRequested);
        QSignalSpy quit(&tray, &TrayController::quitRequested);
        tray.pauseAllAction()->trigger();
        QCOMPARE(pause.size(), 1);
        tray.resumeAllAction()->trigger();
        QCOMPARE(resume.size(), 1);
        tray.quitAction()->trigger();
        QCOMPARE(quit.size(), 1);
        QCOMPARE(pause.size() + resume.size(), 2);
    }

    void closeToTray()
    {
        QWidget window;
        TrayController tray(&window, QIcon());
        window.show();
        QVERIFY(!tray.trayAvailable());  // offscreen
        QCloseEvent noTray;
        QVERIFY(!tray.handleClose(&noTray));  // no tray: closing must really close
        QVERIFY(noTray.isAccepted());

        tray.overrideTrayAvailable(true);
        QCloseEvent close;
        QVERIFY(tray.handleClose(&close));
        QVERIFY(!close.isAccepted());
        QVERIFY(!window.isVisible());
        QVERIFY(tray.lastNotification().startsWith(QStringLiteral("mp2p keeps running")));

        tray.setCloseToTray(false);
        window.show();
        QCloseEvent off;
        QVERIFY(!tray.handleClose(&off));
        QVERIFY(window.isVisible());
    }

    void startMinimised()
    {
        QWidget window;
        TrayController tray(&window, QIcon());
        tray.overrideTrayAvailable(true);
        tray.showInitially(true);
        QVERIFY(!window.isVisible());
        tray.showWindow();
        QVERIFY(window.isVisible());
    }

    void engineFinishedNotifiesAndPauseAllPauses()
    {
        QTemporaryDir dir;
        const QString dataPath = dir.filePath(QStringLiteral("song.bin"));
        QFile data(dataPath);
        QVERIFY(data.open(QIODevice::WriteOnly));
        data.write(QByteArray(100000, 'm'));
        data.close();
        QString error;
        const auto made = makeTorrent(dataPath, &error);
        QVERIFY2(made, qPrintable(error));

        EngineSettings settings;
        settings.stateDir = dir.filePath(QStringLiteral("state"));
        settings.listenInterfaces = QStringLiteral("127.1.0.3:0");
        settings.outgoingInterfaces = QStringLiteral("127.1.0.3");
        settings.enableUtp = false;
        PeerEngine engine(settings);
        QVERIFY2(engine.start(&error), qPrintable(error));

        QWidget window;
        TrayController tray(&window, QIcon());
        tray.connectEngine(&engine);
        // Not seed mode: libtorrent checks the complete file on disk and reports it finished.
        AddTransferOptions options;
        options.savePath = dir.path();
        const QString infoHash = engine.addTransfer(made->torrentFile, options, &error);
        QVERIFY2(!infoHash.isEmpty(), qPrintable(error));
        QTRY_VERIFY_WITH_TIMEOUT(tray.lastNotification().contains(QStringLiteral("song.bin")), 20000);
        QVERIFY(tray.lastNotification().startsWith(QStringLiteral("Download complete\n")));

        tray.pauseAllAction()->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(engine.transfer(infoHash)->state, TransferState::Paused, 10000);
        tray.resumeAllAction()->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(engine.transfer(infoHash)->state != TransferState::Paused, 10000);

        bool down = false;
        engine.shutdown([&down] { down = true; });
        QTRY_VERIFY_WITH_TIMEOUT(down, 20000);
    }
};

QTEST_MAIN(TestTray)
#include "tst_parts_tray.moc"
