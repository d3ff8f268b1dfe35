// Single instance: a second launch hands its arguments to the first over a local socket.
// The "second launch" runs on another thread, as its blocking hand-off would otherwise wait
// for this thread's event loop.
#include <instance/singleinstance.h>

#include <QFile>
#include <QDir>
#include <QLocalServer>
#include <QLocalSocket>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QtConcurrent>

using namespace mp2p;

class TestSingleInstance : public QObject {
    Q_OBJECT

private:
    static QString uniqueName(const char *tag)
    {
        return QStringLiteral("mp2p-test-%1-%2").arg(QLatin1String(tag)).arg(QCoreApplication::applicationPid());
    }
    static QFuture<bool> launchSecond(const QString &name, const QStringList &arguments)
    {
        return QtConcurrent::run([name, arguments] {
            SingleInstance second(name);
            return second.sendToRunning(arguments, 5000);
        });
    }

private Q_SLOTS:
    void secondLaunchHandsOver()
    {
        const QString name = uniqueName("handover");
        SingleInstance first(name);
        QString error;
        QVERIFY2(first.listen(&error), qPrintable(error));
        QSignalSpy received(&first, &SingleInstance::argumentsReceived);
        const QStringList args{QStringLiteral("/tmp/a file.torrent"), QStringLiteral("magnet:?xt=urn:btih:") + QString(40, QLatin1Char('a'))};
        QFuture<bool> second = launchSecond(name, args);
        QTRY_VERIFY_WITH_TIMEOUT(second.isFinished(), 10000);
        QVERIFY(second.result());  // acknowledged: the second one may exit
        QTRY_COMPARE(received.size(), 1);
        QCOMPARE(received.first().first().toStringList(), args);

        // No arguments still reaches the first ("show the window").
        QFuture<bool> third = launchSecond(name, {});
        QTRY_VERIFY_WITH_TIMEOUT(third.isFinished(), 10000);
        QVERIFY(third.result());
        QTRY_COMPARE(received.size(), 2);
        QVERIFY(received.last().first().toStringList().isEmpty());

        // A second instance object cannot take the same name while the first answers.
        SingleInstance rival(name);
        QVERIFY(!rival.listen(&error));
        QVERIFY(!error.isEmpty());
    }

    void nobodyRunning()
    {
        SingleInstance alone(uniqueName("alone"));
        QVERIFY(!alone.sendToRunning({QStringLiteral("x")}, 500));
        QString error;
        QVERIFY2(alone.listen(&error), qPrintable(error));
        QVERIFY(alone.isListening());
    }

    void staleSocketIsReplaced()
    {
        // A crashed instance leaves its socket file; the next one must still start.
        const QString name = uniqueName("stale");
        // (QLocalServer puts a relative name's socket in the temp folder.)
        QFile leftover(QDir::temp().filePath(name));
        QVERIFY(leftover.open(QIODevice::WriteOnly));
        leftover.close();
        QLocalServer plain;
        QVERIFY(!plain.listen(name));  // what a naive listen() would do
        SingleInstance next(name);
        QString error;
        QVERIFY2(next.listen(&error), qPrintable(error));
    }

    void differentNamesAreIndependent()
    {
        SingleInstance a(uniqueName("a"));
        SingleInstance b(uniqueName("b"));
        QString error;
        QVERIFY(a.listen(&error));
        QVERIFY(b.listen(&error));
        QSignalSpy toA(&a, &SingleInstance::argumentsReceived);
        QSignalSpy toB(&b, &SingleInstance::argumentsReceived);
        QFuture<bool> f = launchSecond(a.serverName(), {QStringLiteral("magnet:?xt=urn:btih:x")});
        QTRY_VERIFY_WITH_TIMEOUT(f.isFinished(), 10000);
        QTRY_COMPARE(toA.size(), 1);
        QCOMPARE(toB.size(), 0);
    }

    void handOffArgumentsAreAbsoluteAndFiltered()
    {
        QTemporaryDir dir;
        QFile f(dir.filePath(QStringLiteral("x.torrent")));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.close();
        QDir::setCurrent(dir.path());
        const QStringList out = SingleInstance::handOffArguments(
            {QStringLiteral("mp2p-desktop"), QStringLiteral("--start-minimised"), QStringLiteral("x.torrent"),
             QStringLiteral("missing.torrent"), QStringLiteral("MAGNET:?xt=urn:btih:abc")});
        QCOMPARE(out, (QStringList{QFileInfo(f).absoluteFilePath(), QStringLiteral("MAGNET:?xt=urn:btih:abc")}));
        QVERIFY(QFileInfo(out.first()).isAbsolute());
        QVERIFY(SingleInstance::defaultServerName().startsWith(QStringLiteral("mp2p-desktop-")));
    }

    void strangerIsIgnored()
    {
        // Something that is not mp2p writes garbage: no signal, no crash.
        const QString name = uniqueName("stranger");
        SingleInstance first(name);
        QString error;
        QVERIFY(first.listen(&error));
        QSignalSpy received(&first, &SingleInstance::argumentsReceived);
        QLocalSocket stranger;
        stranger.connectToServer(name);
        QVERIFY(stranger.waitForConnected(2000));
        stranger.write(QByteArray("GET / HTTP/1.0\r\n\r\n").repeated(4));
        stranger.flush();
        QTest::qWait(300);  // a negative check: garbage must never turn into arguments
        QCOMPARE(received.size(), 0);
    }
};

QTEST_MAIN(TestSingleInstance)
#include "tst_parts_singleinstance.moc"
