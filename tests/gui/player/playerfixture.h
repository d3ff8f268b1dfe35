#pragma once

#include <user/managedpeer.h>
#include <user/session/peersession.h>

#include <QNetworkAccessManager>
#include <QString>

#include <memory>

namespace mp2p::test {

// The desktop side: a PeerSession that runs the embedded P2PSP, on `address` (127.1.0.x),
// TCP only, fast stats and announces.
SessionConfig desktopConfig(const QString &root, const QString &address);

// A second peer on `address` that publishes at `providerUrl`; `uploadLimit` bytes/s applies to
// loopback peers too, so a download from it takes a predictable time (0 = unlimited).
class Publisher {
public:
    Publisher(const QString &root, const QString &address, const QUrl &providerUrl, int uploadLimit);
    ~Publisher();
    bool start(QString *error);
    // Publishes `path`; fills *infoHash (and *contentId). Waits up to 60 s.
    bool publish(const QString &path, const QString &title, QString *infoHash, QString *contentId, QString *error);
    bool stop();
    ManagedPeer *peer() const { return m_peer.get(); }

private:
    QNetworkAccessManager m_network;
    std::unique_ptr<ManagedPeer> m_peer;
};

// Starts a download of `contentId` (whose torrent is `infoHash`) (sequential) on the session's peer and waits until its file
// list is known.
bool startDownload(PeerSession &session, const QString &contentId, const QString &infoHash, QString *error);
bool shutdownSession(PeerSession &session);

} // namespace mp2p::test
