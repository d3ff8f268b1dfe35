#pragma once

#include "swarmregistry.h"

#include <base/database.h>

#include <memory>
#include <optional>

namespace mp2p {

// The co-presence record (SwarmRegistry::presence) on disk, so that receipts signed before an
// OMS restart still count after it. Its own file, dataDir/oms-presence.db, next to oms.db: it
// is written in batches from the sweep timer (never on the announce path), and losing the last
// batch in a crash costs only a re-announce (receipts are cumulative). Bounded: rows not seen
// within the registry's presence window (the receipt validity window) are purged on each save.
class PresenceStore {
public:
    bool open(const QString &dataDir, QString *error);
    // Upserts the sightings (first = the earlier, last = the later of stored and new) and deletes
    // every row last seen before `purgeBefore`, in one transaction.
    bool save(const QList<PresenceSighting> &sightings, qint64 purgeBefore, QString *error);
    // Every sighting last seen at or after `since`.
    std::optional<QList<PresenceSighting>> load(qint64 since, QString *error) const;

private:
    std::unique_ptr<Database> m_db;
};

} // namespace mp2p
