#pragma once

#include "omsstate.h"

#include <base/httprouter.h>

namespace mp2p {

// OMP overlay operations over JSON: create, query, modify, remove (owner only for the last two).
class OverlayApi {
public:
    explicit OverlayApi(OmsState &state);

    void registerRoutes(HttpRouter &router);
    HttpResponse create(const HttpRequest &request);
    HttpResponse query(const HttpRequest &request) const;
    HttpResponse modify(const HttpRequest &request);
    HttpResponse remove(const HttpRequest &request);

private:
    // POST for an overlay that exists: the publisher joins it (200) unless their v2 hash contradicts it.
    HttpResponse joinExisting(Overlay overlay);
    QJsonObject toJson(const Overlay &overlay, const QByteArray &key) const;

    OmsState &m_state;
};

} // namespace mp2p
