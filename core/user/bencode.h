#pragma once

#include <QByteArray>
#include <QString>
#include <QVariant>

#include <optional>

namespace mp2p {

// Bencoding (BEP 3) through libtorrent's entry/bdecode, with Qt types on the outside so that
// nothing beyond core/user includes libtorrent. Mapping: QVariantMap <-> dictionary (keys
// are byte strings: one QString character per byte, Latin-1), QVariantList <-> list, QByteArray/QString <-> byte string, integral
// numbers <-> integer.
QByteArray bencode(const QVariant &value);
// Returns nullopt and a message naming the position on malformed input.
std::optional<QVariant> bdecode(const QByteArray &data, QString *error);

// The exact bytes of the "info" dictionary of a .torrent file (what its info-hashes are
// computed over), or nullopt and a message when the data is not a torrent.
std::optional<QByteArray> torrentInfoSection(const QByteArray &torrentFile, QString *error);

} // namespace mp2p
