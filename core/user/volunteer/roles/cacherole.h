#pragma once

#include <cache/cachenode.h>
#include <user/volunteer/volunteerrole.h>

#include <functional>
#include <memory>

class QNetworkAccessManager;

namespace mp2p {

// The volunteer Cache Server role: a CacheNode (core/cache) started under the user's consent,
// with the consented upload rate and disk quota. stop() stops serving at once and deregisters
// at the OMS, so no peer list names this cache any more.
class CacheRole : public VolunteerRole {
public:
    // `base` is the cache node's own peer (its data folder, provider, listen address).
    CacheRole(CacheNodeConfig base, QNetworkAccessManager *network);
    ~CacheRole() override;

    VolunteerRoleKind kind() const override { return VolunteerRoleKind::Cache; }
    bool start(const VolunteerLimits &limits, QString *error) override;
    void applyLimits(const VolunteerLimits &limits) override;
    void stop() override;
    bool isRunning() const override;

    // Runs right before each start, i.e. only once the user consented (files the role needs).
    void setBeforeStart(std::function<bool(QString *error)> hook) { m_beforeStart = std::move(hook); }

    CacheNode *node() const { return m_node.get(); }

private:
    std::function<bool(QString *error)> m_beforeStart;
    static CacheLimits cacheLimits(const VolunteerLimits &limits);

    CacheNodeConfig m_base;
    QNetworkAccessManager *m_network;
    std::unique_ptr<CacheNode> m_node;
};

} // namespace mp2p
