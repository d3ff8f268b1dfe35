#include "searchtimer.h"

#include <mp2pdprocess.h>
#include <p2psp/ixs/ixsstore.h>
#include <p2psp/ixs/searchwords.h>

#include <QElapsedTimer>
#include <QJsonObject>
#include <QJsonArray>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUrl>

#include <algorithm>
#include <cmath>
#include <functional>

namespace mp2p::bench {

namespace {

constexpr int PerPage = 20;

// Runs `one` for each query (warm-up first, untimed), bounded by the time limit. `one` returns
// the number of results, or -1 on error.
LatencyRun timeEach(const QString &name, const QList<BenchQuery> &queries, const TimerLimits &limits,
                    const std::function<int(const BenchQuery &)> &one)
{
    LatencyRun run;
    run.name = name;
    for (int i = 0; i < std::min(limits.warmup, int(queries.size())); ++i)
        one(queries.at(i));
    QElapsedTimer total;
    total.start();
    for (const BenchQuery &q : queries) {
        if (total.elapsed() > qint64(limits.maxSeconds) * 1000) {
            run.stoppedByTime = true;
            break;
        }
        QElapsedTimer t;
        t.start();
        const int items = one(q);
        run.millis.append(double(t.nsecsElapsed()) / 1e6);
        run.itemCounts.append(items);
        if (items < 0)
            ++run.errors;
    }
    return run;
}

} // namespace

double LatencyRun::percentile(double p) const
{
    if (millis.isEmpty())
        return 0;
    QList<double> sorted = millis;
    std::sort(sorted.begin(), sorted.end());
    // Nearest rank: the smallest value with at least p % of the values at or below it.
    const qsizetype rank = qsizetype(std::ceil(p / 100.0 * double(sorted.size())));
    return sorted.at(std::clamp<qsizetype>(rank - 1, 0, sorted.size() - 1));
}

double LatencyRun::mean() const
{
    double sum = 0;
    for (double m : millis)
        sum += m;
    return millis.isEmpty() ? 0 : sum / double(millis.size());
}

LatencyRun timeHttp(const QString &name, const QString &baseUrl, const QList<BenchQuery> &queries,
                    const TimerLimits &limits)
{
    test::TestHttp http;
    return timeEach(name, queries, limits, [&](const BenchQuery &q) {
        const QString url = baseUrl + QStringLiteral("/ixs/v1/content?q=")
                            + QString::fromLatin1(QUrl::toPercentEncoding(q.text))
                            + QStringLiteral("&page=%1&perPage=%2").arg(q.page).arg(PerPage);
        const test::HttpResult r = http.get(url);
        if (r.status != 200)
            return -1;
        const QJsonObject body = r.json();
        return body.contains(QStringLiteral("total")) ? int(body.value(QStringLiteral("items")).toArray().size()) : -1;
    });
}

LatencyRun timeStore(const QString &dbPath, const QList<BenchQuery> &queries, const TimerLimits &limits)
{
    DatabaseOptions options;
    options.path = dbPath;
    IxsStore store(options);
    QString error;
    if (!store.open(&error)) {
        LatencyRun failed;
        failed.name = QStringLiteral("IxsStore::query in-process: ") + error;
        failed.errors = 1;
        return failed;
    }
    return timeEach(QStringLiteral("IxsStore::query in-process"), queries, limits, [&](const BenchQuery &q) {
        ContentQuery query;
        query.text = q.text;
        query.page = q.page;
        query.perPage = PerPage;
        const std::optional<ContentPage> page = store.query(query, nullptr);
        return page ? int(page->items.size()) : -1;
    });
}

LatencyRun timeRawFts(const QString &dbPath, const QList<BenchQuery> &queries, const TimerLimits &limits)
{
    const QString connection = QStringLiteral("bench-raw-fts");
    LatencyRun run;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
        db.setDatabaseName(dbPath);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        QSqlQuery select(db);
        if (!db.open()
            || !select.prepare(QStringLiteral("SELECT rowid FROM content_fts WHERE content_fts MATCH ? "
                                              "ORDER BY rank LIMIT ? OFFSET ?"))) {
            run.name = QStringLiteral("raw FTS5: cannot open %1: %2").arg(dbPath, db.lastError().text());
            run.errors = 1;
        } else {
            select.setForwardOnly(true);
            run = timeEach(QStringLiteral("raw FTS5 (QSqlQuery)"), queries, limits, [&](const BenchQuery &q) {
                select.bindValue(0, ftsMatchExpression(searchWords(q.text)));
                select.bindValue(1, PerPage);
                select.bindValue(2, (q.page - 1) * PerPage);
                if (!select.exec())
                    return -1;
                int rows = 0;
                while (select.next())
                    ++rows;
                select.finish();
                return rows;
            });
        }
    }
    QSqlDatabase::removeDatabase(connection);
    return run;
}

} // namespace mp2p::bench
