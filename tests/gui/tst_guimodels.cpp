// The desktop's models under QAbstractItemModelTester, fed the way the engine and IXS feed them.
#include <models/filelistmodel.h>
#include <models/peerlistmodel.h>
#include <models/searchresultmodel.h>
#include <models/transferfiltermodel.h>
#include <models/transfermodel.h>

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QSignalSpy>
#include <QTest>

using namespace mp2p;

namespace {

TransferStatus status(const QString &hash, const QString &name, TransferState state, double progress, int down = 0)
{
    TransferStatus t;
    t.infoHash = hash;
    t.name = name;
    t.state = state;
    t.progress = progress;
    t.totalWanted = 1000;
    t.totalDone = qint64(progress * 1000);
    t.left = t.totalWanted - t.totalDone;
    t.downloadRate = down;
    t.downloaded = t.totalDone;
    t.uploaded = 500;
    return t;
}

QJsonObject record(const QString &id, const QString &title, qint64 size)
{
    return {{QStringLiteral("id"), id}, {QStringLiteral("title"), title}, {QStringLiteral("totalSize"), double(size)},
            {QStringLiteral("tags"), QJsonArray{QStringLiteral("video"), QStringLiteral("test")}},
            {QStringLiteral("owner"), QStringLiteral("0123456789abcdef0123")}, {QStringLiteral("createdAt"), 1700000000.0},
            {QStringLiteral("infoHashV1"), QString(40, QLatin1Char('a'))}};
}

} // namespace

class TestGuiModels : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void transferModelIgnoresUnchangedSnapshots()
    {
        // An idle tick (the same snapshot again) repaints nothing; a change repaints only its columns.
        TransferModel model;
        const TransferStatus seed = status(QStringLiteral("h1"), QStringLiteral("alpha"), TransferState::Seeding, 1.0);
        model.updateTransfers({seed});
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.updateTransfers({seed});
        QCOMPARE(changed.count(), 0);
        TransferStatus moved = seed;
        moved.uploadRate = 2048;
        moved.uploaded += 4096;
        model.updateTransfers({moved});
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed[0][0].toModelIndex().column(), int(TransferModel::UpRate));
        QCOMPARE(changed[0][1].toModelIndex().column(), int(TransferModel::Ratio));
    }

    void transferModelFollowsUpdates()
    {
        TransferModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.updateTransfers({status(QStringLiteral("h1"), QStringLiteral("alpha"), TransferState::Downloading, 0.5, 100),
                               status(QStringLiteral("h2"), QStringLiteral("beta"), TransferState::Seeding, 1.0)});
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.columnCount(), int(TransferModel::ColumnCount));
        QCOMPARE(model.index(0, TransferModel::Name).data().toString(), QStringLiteral("alpha"));
        QCOMPARE(model.index(0, TransferModel::Progress).data(TransferModel::RawValueRole).toDouble(), 0.5);
        QCOMPARE(model.index(0, TransferModel::Eta).data(TransferModel::RawValueRole).toLongLong(), 5);  // 500 B left at 100 B/s
        QCOMPARE(model.index(0, TransferModel::Ratio).data(TransferModel::RawValueRole).toDouble(), 1.0);
        QCOMPARE(model.totalDownloadRate(), 100);

        // An update changes the row in place; a new hash appends; removal drops the row.
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.updateTransfers({status(QStringLiteral("h1"), QStringLiteral("alpha"), TransferState::Seeding, 1.0)});
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(model.index(0, TransferModel::State).data(TransferModel::StateRole).toInt(), int(TransferState::Seeding));
        model.addTransfer(status(QStringLiteral("h3"), QStringLiteral("gamma"), TransferState::Paused, 0.1));
        QCOMPARE(model.rowCount(), 3);
        model.removeTransfer(QStringLiteral("h2"));
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.rowOf(QStringLiteral("h3")), 1);
        model.removeTransfer(QStringLiteral("unknown"));
        QCOMPARE(model.rowCount(), 2);
    }

    void filterModelKeepsOneState()
    {
        TransferModel model;
        TransferFilterModel proxy;
        proxy.setSourceModel(&model);
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.updateTransfers({status(QStringLiteral("h1"), QStringLiteral("b-down"), TransferState::Downloading, 0.2),
                               status(QStringLiteral("h2"), QStringLiteral("a-seed"), TransferState::Seeding, 1.0),
                               status(QStringLiteral("h3"), QStringLiteral("c-paused"), TransferState::Paused, 0.7),
                               status(QStringLiteral("h4"), QStringLiteral("d-error"), TransferState::Error, 0.0)});
        QCOMPARE(proxy.rowCount(), 4);
        proxy.setFilter(TransferFilterModel::Seeding);
        QCOMPARE(proxy.rowCount(), 1);
        QCOMPARE(proxy.index(0, 0).data().toString(), QStringLiteral("a-seed"));
        proxy.setFilter(TransferFilterModel::Paused);
        QCOMPARE(proxy.index(0, 0).data().toString(), QStringLiteral("c-paused"));
        proxy.setFilter(TransferFilterModel::Errors);
        QCOMPARE(proxy.index(0, 0).data().toString(), QStringLiteral("d-error"));
        proxy.setFilter(TransferFilterModel::Downloading);
        QCOMPARE(proxy.rowCount(), 1);
        // A state change moves the row out of the tab as the stats arrive.
        model.updateTransfers({status(QStringLiteral("h1"), QStringLiteral("b-down"), TransferState::Seeding, 1.0)});
        QCOMPARE(proxy.rowCount(), 0);
        proxy.setFilter(TransferFilterModel::All);
        proxy.sort(TransferModel::Progress, Qt::AscendingOrder);  // by the raw 0..1 value, not the text
        QCOMPARE(proxy.index(0, 0).data().toString(), QStringLiteral("d-error"));
        QCOMPARE(proxy.index(1, 0).data().toString(), QStringLiteral("c-paused"));
    }

    void searchModelReadsIxsAnswer()
    {
        SearchResultModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const QJsonObject answer{{QStringLiteral("total"), 3}, {QStringLiteral("page"), 1}, {QStringLiteral("perPage"), 20},
                                 {QStringLiteral("items"), QJsonArray{record(QStringLiteral("c1"), QStringLiteral("Sunrise"), 2048),
                                                                      QJsonObject{{QStringLiteral("title"), 5}},  // malformed: skipped
                                                                      record(QStringLiteral("c2"), QStringLiteral("Sunset"), 10)}}};
        model.setResults(answer);
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.total(), 3);
        QCOMPARE(model.index(0, SearchResultModel::Title).data().toString(), QStringLiteral("Sunrise"));
        QCOMPARE(model.index(0, 0).data(SearchResultModel::ContentIdRole).toString(), QStringLiteral("c1"));
        QCOMPARE(model.index(0, SearchResultModel::Size).data(SearchResultModel::RawValueRole).toLongLong(), 2048);
        QCOMPARE(model.index(1, SearchResultModel::Tags).data().toString(), QStringLiteral("video, test"));
        QCOMPARE(model.index(1, SearchResultModel::Publisher).data().toString(), QStringLiteral("0123456789ab"));
        QVERIFY(!model.index(1, SearchResultModel::Date).data().toString().isEmpty());
        // Seeds and peers arrive later from the OMS; unknown until then.
        QCOMPARE(model.index(0, SearchResultModel::Seeds).data().toString(), QStringLiteral("–"));
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.setSwarm(QString(40, QLatin1Char('a')), 3, 5);  // both records share that hash here
        QCOMPARE(changed.count(), 2);
        QCOMPARE(model.index(0, SearchResultModel::Seeds).data().toString(), QStringLiteral("3"));
        QCOMPARE(model.index(1, SearchResultModel::Peers).data(SearchResultModel::RawValueRole).toInt(), 5);
        model.setSwarm(QString(40, QLatin1Char('b')), 1, 1);  // no such row: nothing changes
        QCOMPARE(changed.count(), 2);
        model.setResults(QJsonObject{{QStringLiteral("items"), QStringLiteral("not an array")}});
        QCOMPARE(model.rowCount(), 0);
        model.setResults(answer);
        model.clear();
        QCOMPARE(model.rowCount(), 0);
    }

    void fileListModelWithoutEngine()
    {
        FileListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        TransferFile a;
        a.index = 0;
        a.path = QStringLiteral("album/a.bin");
        a.size = 1000;
        a.downloaded = 250;
        TransferFile b = a;
        b.index = 2;  // index 1 is a pad file: not listed
        b.path = QStringLiteral("album/b.bin");
        b.priority = FilePriority::Skip;
        model.setFiles({a, b});
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.index(0, FileListModel::Progress).data(FileListModel::RawValueRole).toDouble(), 0.25);
        QCOMPARE(model.index(1, FileListModel::Priority).data().toString(), QStringLiteral("Skip"));
        QCOMPARE(model.index(1, 0).data(FileListModel::FileIndexRole).toInt(), 2);
        QVERIFY(model.flags(model.index(1, FileListModel::Priority)) & Qt::ItemIsEditable);
        QVERIFY(!(model.flags(model.index(1, FileListModel::Name)) & Qt::ItemIsEditable));
        // No engine: the change is refused with a reason, the row keeps its value.
        QSignalSpy refused(&model, &FileListModel::priorityRefused);
        QVERIFY(!model.setData(model.index(1, FileListModel::Priority), FilePriority::High));
        QCOMPARE(refused.count(), 1);
        QVERIFY(!model.setData(model.index(1, FileListModel::Priority), 3));  // not a priority
        QCOMPARE(model.index(1, FileListModel::Priority).data(Qt::EditRole).toInt(), FilePriority::Skip);
        // Same files again: updated in place, no reset.
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        a.downloaded = 1000;
        model.setFiles({a, b});
        QCOMPARE(reset.count(), 0);
        QCOMPARE(model.index(0, FileListModel::Progress).data().toString(), QStringLiteral("100.0 %"));
        model.setFiles({b});
        QCOMPARE(reset.count(), 1);
        QCOMPARE(model.rowCount(), 1);
    }

    void peerListModelKeepsRowsInPlace()
    {
        PeerListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        auto peer = [](const QString &ip, quint16 port, bool incoming) {
            PeerDetails p;
            p.ip = ip;
            p.port = port;
            p.address = QStringLiteral("%1:%2").arg(ip).arg(port);
            p.incoming = incoming;
            p.client = QStringLiteral("mp2p 0.1");
            p.downloadRate = 2048;
            return p;
        };
        model.setPeers({peer(QStringLiteral("127.1.0.2"), 6881, false), peer(QStringLiteral("127.1.0.3"), 40000, true)});
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.index(0, PeerListModel::Connection).data().toString(), QStringLiteral("Direct, outgoing"));
        QCOMPARE(model.index(1, PeerListModel::Connection).data().toString(), QStringLiteral("Direct, incoming"));
        // The overlay names users by their listen address; an incoming peer dialled from another
        // port is matched by IP when that IP is unique.
        model.setOverlayPeers({{QStringLiteral("127.1.0.2:6881"), {QStringLiteral("u-seed-0123456789"), QStringLiteral("pid-a"), true}},
                               {QStringLiteral("127.1.0.3:6881"), {QStringLiteral("u-leech"), QString(), false}}});
        QCOMPARE(model.index(0, PeerListModel::User).data().toString(), QStringLiteral("u-seed-01234"));
        QCOMPARE(model.index(0, PeerListModel::Region).data().toString(), QStringLiteral("pid-a"));
        QCOMPARE(model.index(1, PeerListModel::User).data().toString(), QStringLiteral("u-leech"));
        // One leaves, one stays (in place), one arrives.
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        PeerDetails relayed = peer(QStringLiteral("127.9.0.1"), 3478, false);
        relayed.relayed = true;
        model.setPeers({peer(QStringLiteral("127.1.0.3"), 40000, true), relayed});
        QCOMPARE(removed.count(), 1);
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.index(0, PeerListModel::Address).data().toString(), QStringLiteral("127.1.0.3:40000"));
        QCOMPARE(model.index(1, PeerListModel::Connection).data().toString(), QStringLiteral("Relayed, outgoing"));
        model.setPeers({});
        QCOMPARE(model.rowCount(), 0);
    }
};

QTEST_MAIN(TestGuiModels)
#include "tst_guimodels.moc"
