#include "creditcommand.h"

#include <user/credit/receiptbook.h>
#include <user/jsonhttpclient.h>
#include <user/provider/identity.h>
#include <user/volunteer/volunteerlimitsparse.h>

#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QNetworkAccessManager>

namespace mp2p {

int runCredit(QCoreApplication &, const CliConfig &config, ProgressPrinter *printer)
{
    const QString dir = config.peer.dataDir;
    if (!QFile::exists(QDir(dir).filePath(QStringLiteral("identity.key")))) {
        printer->error(QStringLiteral("no peer in %1 yet; run `mp2p login` or `mp2p seed` first").arg(dir));
        return CliFailed;
    }
    QString error;
    const auto identity = Identity::loadOrCreate(dir, &error);
    ReceiptBook book(QDir(dir).filePath(QStringLiteral("receipts.db")));
    const auto summary = identity && book.open(&error) ? book.summary(&error) : std::nullopt;
    if (!summary) {
        printer->error(QStringLiteral("cannot read the receipts of %1: %2").arg(dir, error));
        return CliFailed;
    }
    QJsonObject out{{QStringLiteral("userId"), identity->userId},
                    {QStringLiteral("receiptsHeld"), summary->receiptsHeld},
                    {QStringLiteral("bytesHeld"), summary->bytesHeld},
                    {QStringLiteral("pending"), summary->pending},
                    {QStringLiteral("redeemed"), summary->redeemed},
                    {QStringLiteral("rejected"), summary->rejected},
                    {QStringLiteral("creditedBytes"), summary->creditedBytes},
                    {QStringLiteral("signedForOthers"), summary->bytesSigned},
                    {QStringLiteral("relaySignedForOthers"), summary->relayBytesSigned},
                    {QStringLiteral("relayPending"), summary->relayPending},
                    {QStringLiteral("relayCreditedForOthers"), summary->relayCredited}};
    int code = CliOk;
    if (!config.embedded) {
        QNetworkAccessManager network;
        JsonHttpClient http(&network);
        QEventLoop loop;
        JsonReply reply;
        http.get(QUrl(config.peer.providerUrl.toString() + QStringLiteral("/pams/v1/credit/") + identity->userId),
                 [&](const JsonReply &r) { reply = r; loop.quit(); });
        loop.exec();
        if (reply.ok()) {
            out.insert(QStringLiteral("balance"), reply.body.value(QStringLiteral("balance")).toInteger());
            // Of the balance: what relaying for others earned (deposited by their downloaders).
            out.insert(QStringLiteral("relayed"), reply.body.value(QStringLiteral("relayed")).toInteger());
            out.insert(QStringLiteral("rejectedAttempts"), reply.body.value(QStringLiteral("rejectedAttempts")).toInteger());
        } else {
            printer->error(QStringLiteral("the PAMS did not answer (%1); showing the local figures").arg(reply.problem));
            code = CliUnreachable;
        }
    }
    if (config.json) {
        printer->event(QStringLiteral("credit"), out);
        return code;
    }
    printer->message(QStringLiteral("user %1").arg(identity->userId));
    if (out.contains(QStringLiteral("balance")))
        printer->message(QStringLiteral("balance at the PAMS: %1, of which %2 for relaying (%3 rejected attempts logged against you)")
                             .arg(formatBytes(out.value(QStringLiteral("balance")).toInteger()),
                                  formatBytes(out.value(QStringLiteral("relayed")).toInteger()))
                             .arg(out.value(QStringLiteral("rejectedAttempts")).toInteger()));
    printer->message(QStringLiteral("receipts held: %1 for %2; %3 waiting to be redeemed")
                         .arg(summary->receiptsHeld).arg(formatBytes(summary->bytesHeld)).arg(summary->pending));
    printer->message(QStringLiteral("redeemed: %1 receipts, %2 credited; rejected: %3")
                         .arg(summary->redeemed).arg(formatBytes(summary->creditedBytes)).arg(summary->rejected));
    printer->message(QStringLiteral("you signed receipts for %1 received from others").arg(formatBytes(summary->bytesSigned)));
    if (summary->relayBytesSigned > 0)
        printer->message(QStringLiteral("and relay receipts for %1 that came through relays (%2 credited to their owners, %3 to deposit)")
                             .arg(formatBytes(summary->relayBytesSigned), formatBytes(summary->relayCredited))
                             .arg(summary->relayPending));
    return code;
}

} // namespace mp2p
