#pragma once

#include <base/database.h>

#include <QList>
#include <QString>

#include <memory>
#include <optional>

namespace mp2p {

// An overlay (X.609.5): the swarm of one torrent, identified by its v1 info-hash.
struct Overlay {
    QString overlayId;   // 40 lower-case hex (= infoHashV1)
    QString infoHashV2;  // 64 lower-case hex or empty
    QString name;
    QString owner;       // user id of whoever created it first: for the operators' information only,
                         // it grants nothing (the overlay belongs to the provider)
    qint64 createdAt = 0;
    qint64 updatedAt = 0;
};

// The durable half of the OMS: overlays, in dataDir/oms.db. Swarm membership is soft state
// (SwarmRegistry) and never written here.
class OverlayStore {
public:
    enum class Result { Ok, Exists, NotFound, Forbidden, Failed };

    bool open(const QString &dataDir, QString *error);

    Result create(const Overlay &overlay, QString *error);
    std::optional<Overlay> find(const QString &overlayId, QString *error) const;
    // Operators' changes (the routes check who calls).
    Result rename(const QString &overlayId, const QString &name, qint64 now, Overlay *updated, QString *error);
    Result remove(const QString &overlayId, QString *error);
    std::optional<QList<Overlay>> all(QString *error) const;
    // The OMS's database (also holds the ORCP resource pool); null before open().
    Database *database() const { return m_db.get(); }

private:
    Result current(const QString &overlayId, std::optional<Overlay> *overlay, QString *error) const;

    std::unique_ptr<Database> m_db;
};

} // namespace mp2p
