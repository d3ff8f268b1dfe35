#pragma once

#include <user/engine/transferstatus.h>

#include <QJsonObject>
#include <QString>

namespace mp2p {

// How the CLI shows transfers: a live line rewritten in place on a terminal, one JSON object
// per line with --json (for scripts), or plain periodic lines when stdout is not a terminal.
class ProgressPrinter {
public:
    explicit ProgressPrinter(bool json);

    void progress(const TransferStatus &status);
    void message(const QString &text);              // a line of text (or {"event":"message"} in JSON)
    void event(const QString &name, const QJsonObject &fields);
    void error(const QString &text);                 // to stderr
    void endLiveLine();

    static QString humanBytes(double bytes);
    static QString humanDuration(qint64 seconds);
    static QJsonObject toJson(const TransferStatus &status);

private:
    bool m_json;
    bool m_tty;
    bool m_liveLineOpen = false;
    qint64 m_lastPlainLineMs = 0;
};

} // namespace mp2p
