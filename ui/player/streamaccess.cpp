#include "streamaccess.h"

#include <user/session/peersession.h>
#include <user/stream/streamserver.h>

#include <QCoreApplication>

namespace mp2p {

namespace {
const char kServerName[] = "mp2p-stream-server";
}

StreamServer *streamServerFor(PeerSession *session, QString *error)
{
    PeerEngine *engine = session && session->peer() ? session->peer()->engine() : nullptr;
    if (!engine || !session->isReady()) {
        *error = QCoreApplication::translate("mp2p::PlayerWindow",
                                             "The peer is not running yet; wait until it is connected and try again.");
        return nullptr;
    }
    // Kept as a named child of the engine: the app has one peer per session, and every player
    // window shares this server (and its buffering figures).
    if (auto *existing = engine->findChild<StreamServer *>(QLatin1String(kServerName), Qt::FindDirectChildrenOnly))
        return existing;
    auto *server = new StreamServer(engine, engine);
    server->setObjectName(QLatin1String(kServerName));
    QString why;
    if (server->listen(QHostAddress::LocalHost, 0, &why) == 0) {
        delete server;
        *error = QCoreApplication::translate("mp2p::PlayerWindow", "The local stream server could not start: %1")
                     .arg(why);
        return nullptr;
    }
    return server;
}

} // namespace mp2p
