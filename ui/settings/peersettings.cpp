#include "peersettings.h"

#include <user/managedpeer.h>

#include <QHostAddress>

#include <climits>

namespace mp2p {

void applySettingsToPeer(const AppSettings &s, PeerConfig *peer)
{
    if (s.providerMode == AppSettings::ProviderMode::Url)
        peer->providerUrl = QUrl(s.providerUrl.trimmed());
    // libtorrent takes an int: limits above ~2 GiB/s are as good as unlimited anyway.
    peer->engine.uploadRateLimit = int(qMin<qint64>(qint64(s.uploadLimitKiB) * 1024, INT_MAX));
    peer->engine.downloadRateLimit = int(qMin<qint64>(qint64(s.downloadLimitKiB) * 1024, INT_MAX));
    peer->maxUploadBps = qint64(s.uploadLimitKiB) * 1024;
    peer->maxDownloadBps = qint64(s.downloadLimitKiB) * 1024;
    // libtorrent's listen_interfaces takes "ip:port" and "[ipv6]:port" as the user writes them.
    const QString listen = s.listenAddress.trimmed();
    peer->engine.listenInterfaces = listen;
    QString host = listen.left(listen.lastIndexOf(QLatin1Char(':')));
    host.remove(QLatin1Char('[')).remove(QLatin1Char(']'));
    const QHostAddress address(host);
    // A specific address also becomes the outgoing one, so peers see the address we listen on.
    const bool any = address == QHostAddress(QHostAddress::AnyIPv4) || address == QHostAddress(QHostAddress::AnyIPv6);
    peer->engine.outgoingInterfaces = any ? QString() : address.toString();
}

} // namespace mp2p
