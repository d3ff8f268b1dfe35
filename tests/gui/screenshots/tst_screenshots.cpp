// Screenshots for the README, under Xvfb (xcb): the real main window against a real embedded
// P2PSP and a publishing peer; saves PNGs of search results, transfers (mid-download), the
// details pane, the publish wizard and the player into <build>/tests/gui/screenshots/png/.
// Each PNG must exist, have the window's size and not be one colour.
#include "mediasample.h"
#include "playerfixture.h"

#include <mainwindow.h>
#include <models/transfermodel.h>
#include <player/mediabackend.h>
#include <player/playerwindow.h>
#include <views/detailspane.h>
#include <views/searchview.h>
#include <views/transfersview.h>

#include <QDir>
#include <QFile>
#include <QGuiApplication>
#include <QLineEdit>
#include <QScreen>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QWindow>

using namespace mp2p;
using namespace mp2p::test;

namespace {
QString pngPath(const QString &name)
{
    const QString dir = QCoreApplication::applicationDirPath() + QStringLiteral("/png");
    QDir().mkpath(dir);
    return dir + QLatin1Char('/') + name;
}

// On xcb the X server's pixels are grabbed, so the video surface (a native child window
// painted by the media backend) is in the picture; QWidget::grab() would leave it empty.
QImage capture(QWidget *w)
{
    QCoreApplication::processEvents();
    if (QGuiApplication::platformName() == QLatin1String("xcb") && w->screen())
        return w->screen()->grabWindow(w->winId()).toImage();
    return w->grab().toImage();
}

bool singleColour(const QImage &image)
{
    const QRgb first = image.pixel(0, 0);
    for (int y = 0; y < image.height(); y += 3)
        for (int x = 0; x < image.width(); x += 3)
            if (image.pixel(x, y) != first)
                return false;
    return true;
}

void shoot(QWidget *w, const QString &name)
{
    const QImage image = capture(w);
    const QString path = pngPath(name);
    QVERIFY2(image.save(path), qPrintable(path));
    const QImage back(path);
    QVERIFY2(!back.isNull(), qPrintable(path));
    QCOMPARE(back.size(), w->size() * w->devicePixelRatio());
    QVERIFY2(!singleColour(back), qPrintable(name + QStringLiteral(" is a single colour")));
}

int rowOfTitle(QAbstractItemModel *model, const QString &title)
{
    for (int r = 0; r < model->rowCount(); ++r)
        if (model->index(r, 0).data().toString() == title)
            return r;
    return -1;
}

bool writeBytes(const QString &path, qint64 size, int seed)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return false;
    QByteArray data(size, Qt::Uninitialized);
    for (qsizetype i = 0; i < data.size(); ++i)
        data[i] = char((i * 2654435761u + seed) >> 13);
    return f.write(data) == size;
}
} // namespace

class TstScreenshots : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        preferSelfContainedMediaBackend();
        if (QGuiApplication::platformName() != QLatin1String("xcb"))
            qInfo("platform %s: the player's video area may be empty (run under xvfb-run for real pixels)",
                  qPrintable(QGuiApplication::platformName()));
    }

    void mainWindowWizardAndPlayer()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        PeerSession session(desktopConfig(dir.path(), QStringLiteral("127.1.0.32")));
        MainWindow window(&session);
        window.resize(1100, 720);
        window.move(0, 0);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.open();
        QVERIFY(QTest::qWaitFor([&] { return session.isReady(); }, 20000));

        // A publisher with three items; its upload is limited so the transfers view shows a
        // download in progress.
        QString error, hash, contentId, otherHash, otherId;
        const QString video = dir.filePath(QStringLiteral("seed/files/test-pattern-sweep.y4m"));
        QVERIFY2(writeY4m(video, MediaSample{320, 240, 10, 40}, &error) > 0, qPrintable(error));
        QVERIFY(writeBytes(dir.filePath(QStringLiteral("seed/files/field-recordings.flac")), 2 << 20, 3));
        QVERIFY(writeBytes(dir.filePath(QStringLiteral("seed/files/lecture-notes.pdf")), 700 << 10, 5));
        Publisher publisher(dir.filePath(QStringLiteral("seed")), QStringLiteral("127.1.0.33"),
                            QUrl(session.providerUrl()), 600 << 10);
        QVERIFY2(publisher.start(&error), qPrintable(error));
        QVERIFY2(publisher.publish(video, QStringLiteral("Test pattern sweep"), &hash, &contentId, &error), qPrintable(error));
        QVERIFY2(publisher.publish(dir.filePath(QStringLiteral("seed/files/field-recordings.flac")),
                                   QStringLiteral("Test field recordings"), &otherHash, &otherId, &error), qPrintable(error));
        QVERIFY2(publisher.publish(dir.filePath(QStringLiteral("seed/files/lecture-notes.pdf")),
                                   QStringLiteral("Test lecture notes"), &otherHash, &otherId, &error), qPrintable(error));

        // Search results.
        window.showSearch();
        QTableView *results = window.searchView()->resultsView();
        QTest::keyClicks(window.searchView()->searchBox(), QStringLiteral("test"));
        QVERIFY(QTest::qWaitFor([&] { return results->model()->rowCount() >= 3; }, 15000));
        results->selectRow(rowOfTitle(results->model(), QStringLiteral("Test pattern sweep")));
        QTest::qWait(300);
        shoot(&window, QStringLiteral("mainwindow-search.png"));

        // Download the video by double-click; shoot transfers and details while it downloads.
        const QModelIndex hit = results->model()->index(rowOfTitle(results->model(), QStringLiteral("Test pattern sweep")), 0);
        const QPoint at = results->visualRect(hit).center();
        QTest::mouseClick(results->viewport(), Qt::LeftButton, {}, at);
        QTest::mouseDClick(results->viewport(), Qt::LeftButton, {}, at);
        TransferModel *model = window.transferModel();
        QVERIFY(QTest::qWaitFor([&] { return model->rowOf(hash) >= 0; }, 15000));
        window.showTransfers();
        window.transfersView()->table()->selectRow(0);
        QVERIFY(QTest::qWaitFor([&] {
            const auto t = model->transferAt(model->rowOf(hash));
            return t && t->progress > 0.15;
        }, 30000));
        QTest::qWait(600);  // a stats tick, so rates and the graph are filled
        shoot(&window, QStringLiteral("mainwindow-transfers.png"));
        QCOMPARE(window.detailsPane()->text(QStringLiteral("infoHash")), hash);
        shoot(window.detailsPane(), QStringLiteral("details-pane.png"));

        // The player, streaming the video while it downloads.
        PlayerWindow *player = PlayerWindow::open(&session, hash, 0);
        player->resize(720, 520);
        player->move(120, 120);
        QSignalSpy frame(player, &PlayerWindow::firstFrameShown);
        QVERIFY2(frame.wait(60000) || !frame.isEmpty(), qPrintable(player->messageText()));
        QTest::qWait(1500);
        shoot(player, QStringLiteral("player.png"));
        player->close();

#ifdef MP2P_HAVE_UI_PARTS
        QWidget *wizard = window.openPublishWizard();
        QVERIFY(wizard && wizard->isVisible());
        wizard->move(60, 60);
        QTest::qWait(300);
        shoot(wizard, QStringLiteral("publish-wizard.png"));
        wizard->close();
#endif
        QVERIFY(publisher.stop());
        QVERIFY(shutdownSession(session));
    }
};

QTEST_MAIN(TstScreenshots)
#include "tst_screenshots.moc"
