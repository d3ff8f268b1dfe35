#pragma once

#include <base/database.h>

namespace mp2p {

// The IXS schema. `blobType` is the binary column type of the driver (BLOB on SQLite, BYTEA
// on PostgreSQL); everything else is portable. Version 2 (SQLite only) adds the FTS5 index.
QList<Migration> ixsMigrations(const QString &blobType);

} // namespace mp2p
