#pragma once

#include <QList>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QStringList>

namespace mp2p {

// One step of a store's schema. Steps run in order, each in its own transaction, and the
// version they reach is recorded in `schema_version`, so a store opened by a newer build
// migrates forward from whatever version it finds (including an empty file).
// Keep statements portable (they must also run on PostgreSQL through QPSQL); put anything
// SQLite-only (FTS5, PRAGMAs) in steps guarded by `sqliteOnly`.
struct Migration {
    int version = 0;
    QStringList statements;
    bool sqliteOnly = false;
};

struct DatabaseOptions {
    QString driver = QStringLiteral("QSQLITE");
    QString path;              // file for SQLite, database name for PostgreSQL
    int busyTimeoutMs = 5000;  // how long a writer waits on a lock before "database is locked"
    // FULL: a commit is on disk before it is acknowledged (survives power loss, not just kill -9).
    bool fullSync = true;
};

// A store's database. Qt SQL connections belong to the thread that opened them, so
// connection() hands each thread its own clone of the configured connection.
class Database {
public:
    Database(QString storeName, DatabaseOptions options);
    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    bool open(QString *error);
    bool migrate(const QList<Migration> &migrations, QString *error);

    QSqlDatabase connection() const;
    int schemaVersion() const;
    bool isSqlite() const { return m_options.driver == QLatin1String("QSQLITE"); }
    const QString &storeName() const { return m_storeName; }

private:
    bool applyPragmas(QSqlDatabase &db, QString *error) const;
    QString connectionNameForThisThread() const;

    QString m_storeName;
    DatabaseOptions m_options;
    QString m_baseConnectionName;
};

// Runs a prepared statement and turns any failure into a readable message.
bool execQuery(QSqlQuery &query, QString *error);
bool execStatement(const QSqlDatabase &db, const QString &sql, QString *error);

// BEGIN ... COMMIT with rollback on scope exit unless commit() succeeded.
class Transaction {
public:
    explicit Transaction(QSqlDatabase db);
    ~Transaction();
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;

    bool isActive() const { return m_active; }
    bool commit(QString *error = nullptr);

private:
    QSqlDatabase m_db;
    bool m_active = false;
};

} // namespace mp2p
