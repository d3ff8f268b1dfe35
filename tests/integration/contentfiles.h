#pragma once

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QString>

namespace mp2p::test {

// Writes files of pseudo-random bytes (seeded, so reruns make the same content) under
// `folder`; every other file goes into a subfolder, so the torrent has a tree.
bool writeContent(const QString &folder, const QList<qint64> &sizes, quint32 seed);
// SHA-256 of every file under `folder`, keyed by relative path.
QMap<QString, QByteArray> digests(const QString &folder);

} // namespace mp2p::test
