#pragma once

#include "jsonhttpclient.h"
#include "torrentmaker.h"

#include <protocol/keys.h>

#include <QObject>
#include <QStringList>
#include <QUrl>

#include <functional>

namespace mp2p {

// A scripted walk of the managed control flow against a live P2PSP, printing each step:
// directory → register and log in two users at the UMS (R13) → create an overlay at the OMS
// and register content at the IXS (R6) → search → join as the publisher (seed) and as a
// downloader through the tracker (R5) → PAMS status report (R2) → the OMS's peer view with
// the PAMS state (R1) → leave. It moves no content: the peer engine does that.
class ControlFlowWalk : public QObject {
    Q_OBJECT
public:
    using Printer = std::function<void(const QString &line)>;

    ControlFlowWalk(QUrl providerUrl, QString samplePath, QNetworkAccessManager *network, Printer print,
                    QObject *parent = nullptr);
    void start();

Q_SIGNALS:
    void finished(bool ok, const QString &problem);

private:
    struct User {
        KeyPair key;
        QString userId;
        QString token;
        QString passkey;  // the tracker credential (announce URLs never carry the token)
    };
    using Step = std::function<void()>;

    void next();
    void fail(const QString &problem);
    bool check(const JsonReply &reply, const QString &what);
    QUrl serviceUrl(const QString &service, const QString &path) const;
    void login(User *user, const QString &displayName);
    QUrl announceUrl(const User &user, const QByteArray &peerId, quint16 port, qint64 left, const QString &event) const;
    void announce(User *user, const QByteArray &peerId, quint16 port, qint64 left, const QString &label);
    void buildSteps();

    QUrl m_provider;
    QString m_samplePath;
    JsonHttpClient m_http;
    Printer m_print;
    QList<Step> m_steps;
    int m_nextStep = 0;
    bool m_done = false;
    QJsonObject m_directory;
    User m_publisher;
    User m_downloader;
    MadeTorrent m_torrent;
    QString m_contentId;
};

} // namespace mp2p
