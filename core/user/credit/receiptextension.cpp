#include "receiptextension.h"

#include "receiptexchange.h"
#include "receiptwire_lt.h"

#include <libtorrent/bdecode.hpp>
#include <libtorrent/error_code.hpp>
#include <libtorrent/extensions.hpp>
#include <libtorrent/peer_connection_handle.hpp>
#include <libtorrent/torrent_handle.hpp>

#include <QDateTime>
#include <QtEndian>

#include <mutex>
#include <vector>

namespace mp2p {

namespace {

constexpr int MsgExtended = 20;  // BEP 10
// How long a finished connection is kept open for the last receipt (see can_disconnect).
constexpr qint64 LingerMs = 3000;

qint64 nowMs() { return QDateTime::currentMSecsSinceEpoch(); }

// The reasons libtorrent closes a connection when a download completes (both sides seeds).
bool isBenignClose(const lt::error_code &ec)
{
    return ec == lt::errors::torrent_finished || ec == lt::errors::upload_upload_connection
           || ec == lt::errors::uninteresting_upload_peer;
}

class ReceiptPeer final : public lt::peer_plugin {
public:
    ReceiptPeer(const lt::peer_connection_handle &pc, std::shared_ptr<ReceiptExchange> exchange, QString overlayId)
        : m_pc(pc), m_exchange(std::move(exchange)), m_overlayId(std::move(overlayId))
    {
    }

    // A connection that ends before its relay was known leaves its bytes for a late look.
    ~ReceiptPeer() override
    {
        if (m_uploader && m_remote && !m_relay && m_connectionBytes > 0 && m_exchange->hasAttribution())
            m_exchange->rememberUnattributed(m_remoteAddress, m_remotePort, m_overlayId, *m_remote, m_connectionBytes, nowMs());
    }

    lt::string_view type() const override { return receiptwire::ExtensionName; }

    void add_handshake(lt::entry &handshake) override
    {
        if (m_exchange->hasIdentity())
            addHelloTo(handshake, m_exchange->ownHello());
    }

    bool on_extension_handshake(const lt::bdecode_node &node) override
    {
        const auto raw = node.data_section();
        WireProblem problem = WireProblem::None;
        const auto hello = decodeHandshake(QByteArray(raw.data(), qsizetype(raw.size())), &problem);
        if (!hello) {
            if (problem != WireProblem::NotOffered)
                m_exchange->live().badHandshake.fetch_add(1);
            return false;  // libtorrent removes this plugin from the connection
        }
        if (!m_exchange->hasIdentity() || hello->userId == m_exchange->ownUserId())
            return false;
        m_remote = *hello;
        m_uploader = ReceiptExchange::attribute(*hello);
        const auto &ep = m_pc.remote();
        m_remoteAddress = QHostAddress(QString::fromStdString(ep.address().to_string()));
        m_remotePort = ep.port();
        resolveRelay();
        return true;
    }

    bool on_piece(const lt::peer_request &piece, lt::span<char const>) override
    {
        if (m_uploader) {
            m_exchange->addReceived(*m_uploader, m_overlayId, piece.length);
            m_connectionBytes += piece.length;
            if (m_relay)
                m_exchange->addReceived(*m_relay, m_overlayId, piece.length);
            maybeSend(false);
        }
        return false;  // counting only; libtorrent handles the block
    }

    void tick() override
    {
        resolveRelay();
        maybeSend(false);
        if (m_closeAtMs != 0 && nowMs() >= m_closeAtMs)
            closeNow();
    }

    // When a download completes, libtorrent closes seed-to-seed connections at once, and a
    // socket closed that way drops what is still queued. The last receipt must cross first:
    // the downloader signs it now, the uploader waits for it (both at most LingerMs). Only
    // these benign reasons are delayed; errors and peer closes are never vetoed.
    bool can_disconnect(const lt::error_code &ec) override
    {
        if (!m_remote || m_closing || !isBenignClose(ec))
            return true;
        if (m_closeAtMs == 0) {
            m_closeAtMs = nowMs() + LingerMs;
            m_closeReason = ec;
            resolveRelay();
            maybeSend(true);
        }
        return false;
    }

    bool on_extended(int length, int msg, lt::span<char const> body) override
    {
        if (msg != receiptwire::LocalMessageId)
            return false;
        if (!m_pc.packet_finished())
            return true;  // libtorrent calls again with more of the message
        auto &live = m_exchange->live();
        live.received.fetch_add(1);
        if (!m_remote) {
            live.unsolicited.fetch_add(1);
            return true;
        }
        if (length > receiptwire::MaxMessageBytes || body.size() > receiptwire::MaxMessageBytes) {
            live.oversized.fetch_add(1);
            return true;
        }
        const qint64 second = nowMs() / 1000;
        if (second != m_windowSecond) {
            m_windowSecond = second;
            m_windowCount = 0;
        }
        if (++m_windowCount > ReceiptExchange::MaxMessagesPerSecond) {
            live.rateLimited.fetch_add(1);
            return true;
        }
        WireProblem problem = WireProblem::None;
        const auto receipt = decodeReceiptMessage(QByteArray(body.data(), qsizetype(body.size())), &problem);
        if (!receipt) {
            (problem == WireProblem::Oversized ? live.oversized : live.malformed).fetch_add(1);
            return true;
        }
        m_exchange->acceptIncoming(*receipt, m_overlayId, *m_remote);
        if (m_closeAtMs != 0)
            closeNow();  // the receipt we lingered for has come
        return true;
    }

    // The download completed: sign what is left now, before seeds disconnect from each other.
    void flush()
    {
        resolveRelay();
        maybeSend(true);
    }

private:
    // Asks the attribution hook whether this connection went through a relay. Until it knows
    // (the OMS peer list may arrive after the connection), it asks again every tick, and the
    // bytes received so far on the connection are credited to the relay once it is found.
    void resolveRelay()
    {
        if (m_relay || !m_uploader || !m_exchange->hasAttribution())
            return;
        m_relay = m_exchange->relayAttribution(m_remoteAddress, m_remotePort, *m_remote);
        if (m_relay && m_relay->userId == m_remote->userId)
            m_relay.reset();  // a peer relaying to itself earns its upload once
        if (m_relay && m_connectionBytes > 0)
            m_exchange->addReceived(*m_relay, m_overlayId, m_connectionBytes);
    }

    void closeNow()
    {
        m_closing = true;
        m_closeAtMs = 0;
        m_pc.disconnect(m_closeReason, lt::operation_t::bittorrent);
    }

    void maybeSend(bool force)
    {
        if (!m_uploader || m_pc.is_disconnecting())
            return;
        const qint64 now = nowMs();
        // The relay's receipt is not this peer's to redeem: it goes to the outbox for the PAMS.
        if (m_relay) {
            if (const auto relayReceipt = m_exchange->signIfDue(*m_relay, m_overlayId, now, force))
                m_exchange->deliverToRelay(*relayReceipt);
        }
        const auto receipt = m_exchange->signIfDue(*m_uploader, m_overlayId, now, force);
        if (!receipt)
            return;
        const QByteArray payload = encodeReceiptMessage(*receipt);
        char header[6];
        qToBigEndian<quint32>(quint32(payload.size() + 2), header);
        header[4] = char(MsgExtended);
        header[5] = char(m_remote->messageId);
        m_pc.send_buffer(header, int(sizeof header));
        m_pc.send_buffer(payload.constData(), int(payload.size()));
    }

    lt::bt_peer_connection_handle m_pc;  // new_connection only makes us for BitTorrent peers
    std::shared_ptr<ReceiptExchange> m_exchange;
    QString m_overlayId;
    std::optional<ReceiptHello> m_remote;
    std::optional<UploaderAttribution> m_uploader;
    std::optional<UploaderAttribution> m_relay;  // the RS the connection went through, once known
    qint64 m_connectionBytes = 0;                // payload received on this connection
    QHostAddress m_remoteAddress;                // the remote endpoint, from the handshake on
    quint16 m_remotePort = 0;
    qint64 m_windowSecond = 0;
    int m_windowCount = 0;
    qint64 m_closeAtMs = 0;       // a benign close was delayed until then
    bool m_closing = false;
    lt::error_code m_closeReason;
};

class ReceiptTorrent final : public lt::torrent_plugin {
public:
    ReceiptTorrent(std::shared_ptr<ReceiptExchange> exchange, QString overlayId)
        : m_exchange(std::move(exchange)), m_overlayId(std::move(overlayId))
    {
        m_exchange->overlayOpened(m_overlayId);
    }
    ~ReceiptTorrent() override { m_exchange->overlayClosed(m_overlayId); }

    std::shared_ptr<lt::peer_plugin> new_connection(const lt::peer_connection_handle &pc) override
    {
        if (pc.type() != lt::connection_type::bittorrent)
            return {};  // web seeds have no extension protocol
        auto peer = std::make_shared<ReceiptPeer>(pc, m_exchange, m_overlayId);
        m_peers.push_back(peer);
        return peer;
    }

    void on_state(lt::torrent_status::state_t state) override
    {
        const bool complete = state == lt::torrent_status::finished || state == lt::torrent_status::seeding;
        m_exchange->setOverlayComplete(m_overlayId, complete);
        if (!complete)
            return;
        for (const auto &weak : m_peers)
            if (auto peer = weak.lock())
                peer->flush();
    }

    void tick() override
    {
        std::erase_if(m_peers, [](const std::weak_ptr<ReceiptPeer> &p) { return p.expired(); });
    }

private:
    std::shared_ptr<ReceiptExchange> m_exchange;
    QString m_overlayId;
    std::vector<std::weak_ptr<ReceiptPeer>> m_peers;
};

class ReceiptPlugin final : public lt::plugin {
public:
    explicit ReceiptPlugin(std::shared_ptr<ReceiptExchange> exchange) : m_exchange(std::move(exchange)) {}

    std::shared_ptr<lt::torrent_plugin> new_torrent(const lt::torrent_handle &torrent, lt::client_data_t) override
    {
        // The overlay id is the v1 info-hash; a v2-only torrent has none and gets no receipts.
        const lt::info_hash_t hashes = torrent.info_hashes();
        if (!hashes.has_v1())
            return {};
        const auto v1 = hashes.v1.to_string();
        const QString overlayId = QString::fromLatin1(QByteArray(v1.data(), qsizetype(v1.size())).toHex());
        return std::make_shared<ReceiptTorrent>(m_exchange, overlayId);
    }

private:
    std::shared_ptr<ReceiptExchange> m_exchange;
};

} // namespace

std::shared_ptr<lt::plugin> makeReceiptPlugin(std::shared_ptr<ReceiptExchange> exchange)
{
    return std::make_shared<ReceiptPlugin>(std::move(exchange));
}

} // namespace mp2p
