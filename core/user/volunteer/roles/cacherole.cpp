#include "cacherole.h"

#include <QObject>

namespace mp2p {

CacheRole::CacheRole(CacheNodeConfig base, QNetworkAccessManager *network)
    : m_base(std::move(base)), m_network(network)
{
    m_base.volunteer = true;
}

CacheRole::~CacheRole()
{
    stop();
}

CacheLimits CacheRole::cacheLimits(const VolunteerLimits &limits)
{
    return CacheLimits{limits.uploadBytesPerSec, limits.diskQuotaBytes};
}

bool CacheRole::start(const VolunteerLimits &limits, QString *error)
{
    if (limits.diskQuotaBytes <= 0) {
        *error = QStringLiteral("the cache role needs a disk quota; consent again with one (e.g. --disk-quota 10GiB)");
        return false;
    }
    if (m_beforeStart && !m_beforeStart(error))
        return false;
    CacheNodeConfig config = m_base;
    config.limits = cacheLimits(limits);
    auto node = std::make_unique<CacheNode>(config, m_network);
    if (!node->start(error))
        return false;
    m_node = std::move(node);
    return true;
}

void CacheRole::applyLimits(const VolunteerLimits &limits)
{
    if (m_node)
        m_node->setLimits(cacheLimits(limits));
}

void CacheRole::stop()
{
    if (!m_node)
        return;
    // stop() pauses every transfer and sends the deregistration; the node itself goes once the
    // OMS has been told (or could not be), so the reply has somewhere to land.
    CacheNode *node = m_node.release();
    if (!node->isServing()) {  // never got going: nothing to tell the OMS
        delete node;
        return;
    }
    QObject::connect(node, &CacheNode::stopped, node, &QObject::deleteLater);
    node->stop();
}

bool CacheRole::isRunning() const
{
    return m_node && m_node->isServing();
}

} // namespace mp2p
