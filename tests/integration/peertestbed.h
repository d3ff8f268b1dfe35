#pragma once

#include <mp2pdprocess.h>

#include <QStringList>
#include <QTemporaryDir>

namespace mp2p::test {

// What the peer integration tests share: a scratch folder, an mp2pd config with short
// intervals (re-joins and reports show within seconds), and the arguments that put an `mp2p`
// peer on its own loopback address with its own data folder.
class PeerTestBed {
public:
    PeerTestBed();

    QString path(const QString &relative) const { return m_dir.filePath(relative); }
    bool startServer(Mp2pdProcess *server, const QStringList &extra = {}) const;
    QStringList peerArgs(const Mp2pdProcess &server, const QString &name, int address) const;
    QString login(const Mp2pdProcess &server, const QString &name, int address) const;

private:
    QTemporaryDir m_dir;
    QString m_configFile;
};

} // namespace mp2p::test
