#pragma once

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QString>

namespace mp2p {

// Content to publish when the user has none at hand (mp2p demo) and for tests: files of
// pseudo-random bytes from a fixed seed, so every run makes the same content. File i is
// "<folder>/file-i.bin", every other one in "<folder>/sub/", so the torrent has a tree.
bool writeSampleContent(const QString &folder, const QList<qint64> &sizes, quint32 seed, QString *error = nullptr);
// SHA-256 of every file under `folder`, keyed by relative path: two trees are the same content
// exactly when their maps are equal.
QMap<QString, QByteArray> sha256OfFiles(const QString &folder);

} // namespace mp2p
