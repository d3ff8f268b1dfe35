#pragma once

#include "credit/contributioncredit.h"
#include "engine/peerengine.h"
#include "provider/activityreporter.h"
#include "provider/providerclient.h"

#include <QJsonObject>
#include <QObject>
#include <QStringList>
#include <QUrl>

#include <memory>

class QNetworkAccessManager;

namespace mp2p {

struct PeerConfig {
    QString dataDir;              // identity.key, transfers.db
    QUrl providerUrl;             // the P2PSP (its /.well-known/mp2p)
    EngineSettings engine;
    QString displayName;
    QString advertisedAddress;    // "ip:port" reported to the PAMS; default from the listen interface
    qint64 maxUploadBps = 0;      // stated to the PAMS (static status)
    qint64 maxDownloadBps = 0;
    int maxConnections = 200;
    CreditSettings credit;        // receipts (BEP 10) and their redemption; stateDir defaults to dataDir
    // The volunteer relay (RelayServerConfig) serves peers on the internet: loopback and private
    // peers get 403 unless allowed here (a lab on 127.x, a relay for one LAN).
    bool relayAllowLoopbackPeers = false;
    QStringList relayAllowedPeerRanges;   // CIDR
};

struct PublishRequest {
    QString path;
    QString title;
    QString description;
    QStringList tags;
};

// One managed peer: the libtorrent engine plugged into the control flows of the P2PSP.
// publish: hash (off this thread) → OMP create → OCMP register → seed.
// download: OCMP get → check the metadata against the record's info-hash → join the overlay
// through the OMS tracker with the token → transfer → PAMP reports → leave.
// It reacts to the provider: a new token is put into every tracker URL, and when the provider
// is reachable again every overlay is re-joined at once.
class ManagedPeer : public QObject {
    Q_OBJECT
public:
    ManagedPeer(PeerConfig config, QNetworkAccessManager *network, QObject *parent = nullptr);
    ~ManagedPeer() override;

    void start();                                 // → ready() or failed()
    void shutdown(std::function<void()> done);    // reports "stopped", saves resume data

    void publish(const PublishRequest &request);  // → published() or operationFailed()
    // `reference` is an IXS content id, a 40-hex info-hash or a magnet link with one.
    void download(const QString &reference, const QString &saveDir, bool sequential);  // → downloadStarted()
    void search(const QString &query, int page, int perPage, ProviderClient::Callback done);

    PeerEngine *engine() const;
    ProviderClient *provider() const;
    ActivityReporter *reporter() const;
    ContributionCredit *credit() const;           // receipts held/signed, redemption at the PAMS
    QString userId() const;
    // This peer's ISP region (ALTO PID) as the provider's UNIS places its address (R4); empty
    // until a UNIS answered, or when the directory names none.
    QString region() const;

    // Parses a magnet link (xt=urn:btih:<40 hex or 32 base32>); empty + error when malformed.
    static QString infoHashFromReference(const QString &reference, bool *isContentId, QString *error);

Q_SIGNALS:
    void ready();
    void failed(const QString &problem);
    void published(const QString &contentId, const QString &infoHash);
    void downloadStarted(const QString &infoHash, const QString &name);
    void operationFailed(const QString &problem);
    void finished(const QString &infoHash);
    void regionChanged(const QString &region);

private:
    void locateWithUnis();

    class Private;
    std::unique_ptr<Private> d;
};

} // namespace mp2p
