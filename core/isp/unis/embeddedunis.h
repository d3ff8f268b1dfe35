#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include <memory>

namespace mp2p {

class UnisServer;

// The one-region UNIS an embedded provider runs beside its P2PSP when the user configured no
// service (the desktop's first run, `mp2p` without --server). Its config is <data dir>/unis.json:
// written on first start with one PID, "local", for every address and a random token for the
// OMS, and read at every start, so a user may split a campus or a LAN into regions by editing it
// (format: resources/unis.example.json). It listens on 127.0.0.1 only. Peers learn their region
// from it with their UMS token (acceptUmsKey), and the OMS ranks by it as by an ISP's UNIS.
class EmbeddedUnis {
public:
    static constexpr const char *OmsTokenName = "embedded-oms";

    explicit EmbeddedUnis(QString dataDir);
    ~EmbeddedUnis();

    bool start(QString *error);
    QString directoryUrl() const;  // http://127.0.0.1:<port>/alto
    QJsonObject omsEntry() const;  // {"url", "token"}: an "oms.unis" entry of the host config
    // Lets peers holding a token of this UMS ask for their region.
    void acceptUmsKey(const QByteArray &rawKey);

private:
    bool writeDefaultConfig(QString *error) const;
    bool readOmsToken(QString *error);

    QString m_path;
    QString m_omsToken;
    std::unique_ptr<UnisServer> m_server;
};

} // namespace mp2p
