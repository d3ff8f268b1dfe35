#include "database.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlError>
#include <QThread>
#include <QVariant>

namespace mp2p {

namespace {
QString describe(const QSqlError &e)
{
    QString text = e.text().trimmed();
    if (!e.nativeErrorCode().isEmpty())
        text += QStringLiteral(" (code %1)").arg(e.nativeErrorCode());
    return text;
}

bool isFileDatabase(const QString &path)
{
    return !path.isEmpty() && !path.startsWith(QLatin1Char(':')) && !path.startsWith(QLatin1String("file:"));
}

// Our databases hold tokens, relay secrets and who-downloaded-what: readable by the owner only,
// whatever the umask. SQLite creates the -wal, -shm and -journal files with the mode of the
// database file (it reads it back and fchmods them), so the file is made 0600 before SQLite
// opens it; companions left by an older build with a wider mode are narrowed too.
bool restrictToOwner(const QString &path, const QString &storeName, QString *error)
{
    const auto ownerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
    QFile file(path);
    if (!file.exists()) {
        // Created empty (SQLite treats an empty file as a new database) and narrowed before
        // anything is written to it.
        if (!file.open(QIODevice::ReadWrite)) {
            if (error)
                *error = QStringLiteral("cannot create the %1 database at %2: %3").arg(storeName, path, file.errorString());
            return false;
        }
        file.close();
    }
    if (!file.setPermissions(ownerOnly)) {
        if (error)
            *error = QStringLiteral("cannot restrict the %1 database %2 to its owner (mode 0600); fix its owner or "
                                    "permissions").arg(storeName, path);
        return false;
    }
    for (const char *suffix : {"-wal", "-shm", "-journal"}) {
        QFile companion(path + QLatin1String(suffix));
        if (companion.exists() && !companion.setPermissions(ownerOnly)) {
            if (error)
                *error = QStringLiteral("cannot restrict %1 to its owner (mode 0600); fix its owner or permissions")
                             .arg(companion.fileName());
            return false;
        }
    }
    return true;
}
} // namespace

Database::Database(QString storeName, DatabaseOptions options)
    : m_storeName(std::move(storeName))
    , m_options(std::move(options))
{
    m_baseConnectionName = QStringLiteral("mp2p-%1-%2")
                               .arg(m_storeName)
                               .arg(reinterpret_cast<quintptr>(this), 0, 16);
}

Database::~Database()
{
    // Qt lets only the owning thread look a connection up; one another thread opened (a worker,
    // the embedded provider's thread) is closed by removeDatabase alone, which needs no look-up.
    const QString own = connectionNameForThisThread();
    const QStringList names = QSqlDatabase::connectionNames();
    for (const QString &name : names) {
        if (!name.startsWith(m_baseConnectionName))
            continue;
        if (name == own)
            QSqlDatabase::database(name, false).close();
        QSqlDatabase::removeDatabase(name);
    }
}

QString Database::connectionNameForThisThread() const
{
    return m_baseConnectionName + QStringLiteral("@")
           + QString::number(reinterpret_cast<quintptr>(QThread::currentThread()), 16);
}

bool Database::applyPragmas(QSqlDatabase &db, QString *error) const
{
    if (!isSqlite())
        return true;
    const QStringList pragmas = {
        QStringLiteral("PRAGMA journal_mode=WAL"),
        m_options.fullSync ? QStringLiteral("PRAGMA synchronous=FULL")
                           : QStringLiteral("PRAGMA synchronous=NORMAL"),
        // foreign_keys is off on every new SQLite connection; it must be set after each open().
        QStringLiteral("PRAGMA foreign_keys=ON"),
    };
    for (const QString &p : pragmas) {
        if (!execStatement(db, p, error))
            return false;
    }
    return true;
}

bool Database::open(QString *error)
{
    if (isSqlite()) {
        const QFileInfo info(m_options.path);
        if (!QDir().mkpath(info.absolutePath())) {
            if (error)
                *error = QStringLiteral("cannot create the folder %1 for the %2 database; check its permissions")
                             .arg(info.absolutePath(), m_storeName);
            return false;
        }
        if (isFileDatabase(m_options.path) && !restrictToOwner(m_options.path, m_storeName, error))
            return false;
    }
    QSqlDatabase db = QSqlDatabase::addDatabase(m_options.driver, connectionNameForThisThread());
    db.setDatabaseName(m_options.path);
    if (isSqlite())
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(m_options.busyTimeoutMs));
    if (!db.open()) {
        if (error)
            *error = QStringLiteral("cannot open the %1 database at %2: %3")
                         .arg(m_storeName, m_options.path, describe(db.lastError()));
        return false;
    }
    QString why;
    if (applyPragmas(db, &why))
        return true;
    if (error) {
        // SQLite opens lazily: a file that is not a database (damaged, truncated, overwritten)
        // shows up at the first statement, as SQLITE_NOTADB (26).
        const bool notADatabase = why.contains(QLatin1String("(code 26)")) || why.contains(QLatin1String("not a database"));
        *error = notADatabase ? QStringLiteral("the %1 database %2 is damaged (it is not an SQLite database); move it "
                                               "away (or restore it from a backup) and start again: a new, empty one "
                                               "is made in its place")
                                    .arg(m_storeName, QDir::toNativeSeparators(m_options.path))
                              : QStringLiteral("cannot use the %1 database at %2: %3").arg(m_storeName, m_options.path, why);
    }
    db.close();
    return false;
}

QSqlDatabase Database::connection() const
{
    const QString name = connectionNameForThisThread();
    if (QSqlDatabase::contains(name))
        return QSqlDatabase::database(name, true);
    // First use on this thread: clone the settings of any existing connection of this store.
    QSqlDatabase db = QSqlDatabase::addDatabase(m_options.driver, name);
    db.setDatabaseName(m_options.path);
    if (isSqlite())
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(m_options.busyTimeoutMs));
    if (db.open()) {
        QString ignored;
        applyPragmas(db, &ignored);
    }
    return db;
}

int Database::schemaVersion() const
{
    QSqlQuery q(connection());
    if (!q.exec(QStringLiteral("SELECT MAX(version) FROM schema_version")) || !q.next())
        return 0;
    return q.value(0).toInt();
}

bool Database::migrate(const QList<Migration> &migrations, QString *error)
{
    QSqlDatabase db = connection();
    if (!execStatement(db,
                       QStringLiteral("CREATE TABLE IF NOT EXISTS schema_version ("
                                      "version INTEGER PRIMARY KEY, applied_at BIGINT NOT NULL)"),
                       error))
        return false;
    const int current = schemaVersion();
    int previous = 0;
    for (const Migration &m : migrations) {
        if (m.version <= previous) {
            if (error)
                *error = QStringLiteral("%1: migrations must have increasing versions (%2 after %3)")
                             .arg(m_storeName)
                             .arg(m.version)
                             .arg(previous);
            return false;
        }
        previous = m.version;
        if (m.version <= current)
            continue;
        Transaction tx(db);
        if (!tx.isActive()) {
            if (error)
                *error = QStringLiteral("%1: cannot begin a transaction: %2").arg(m_storeName, describe(db.lastError()));
            return false;
        }
        if (!m.sqliteOnly || isSqlite()) {
            for (const QString &sql : m.statements) {
                QString stepError;
                if (!execStatement(db, sql, &stepError)) {
                    if (error)
                        *error = QStringLiteral("%1: migration to version %2 failed: %3")
                                     .arg(m_storeName)
                                     .arg(m.version)
                                     .arg(stepError);
                    return false;
                }
            }
        }
        QSqlQuery record(db);
        record.prepare(QStringLiteral("INSERT INTO schema_version (version, applied_at) VALUES (?, ?)"));
        record.addBindValue(m.version);
        record.addBindValue(QDateTime::currentSecsSinceEpoch());
        if (!execQuery(record, error) || !tx.commit(error))
            return false;
    }
    return true;
}

bool execQuery(QSqlQuery &query, QString *error)
{
    if (query.exec())
        return true;
    if (error)
        *error = describe(query.lastError());
    return false;
}

bool execStatement(const QSqlDatabase &db, const QString &sql, QString *error)
{
    QSqlQuery q(db);
    if (q.exec(sql))
        return true;
    if (error)
        *error = QStringLiteral("%1 [in: %2]").arg(describe(q.lastError()), sql.left(120));
    return false;
}

Transaction::Transaction(QSqlDatabase db)
    : m_db(std::move(db))
{
    m_active = m_db.transaction();
}

Transaction::~Transaction()
{
    if (m_active)
        m_db.rollback();
}

bool Transaction::commit(QString *error)
{
    if (!m_active)
        return false;
    m_active = false;
    if (m_db.commit())
        return true;
    if (error)
        *error = describe(m_db.lastError());
    m_db.rollback();
    return false;
}

} // namespace mp2p
