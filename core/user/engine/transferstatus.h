#pragma once

#include <QList>
#include <QMetaType>
#include <QString>

namespace mp2p {

enum class TransferState { Checking, Downloading, Seeding, Paused, Error };
QString transferStateName(TransferState state);  // "checking", "downloading", ...

// A snapshot of one transfer, in Qt types (the UI and the PAMS reporter read these).
struct TransferStatus {
    QString infoHash;             // v1, hex
    QString name;
    QString savePath;
    TransferState state = TransferState::Checking;
    double progress = 0;          // 0..1 of wanted bytes
    qint64 totalWanted = 0;
    qint64 totalDone = 0;         // verified bytes on disk
    qint64 left = 0;              // totalWanted - totalDone
    qint64 uploaded = 0;          // payload, all sessions (persisted with resume data)
    qint64 downloaded = 0;
    int downloadRate = 0;         // bytes/s
    int uploadRate = 0;
    int peers = 0;
    int seeds = 0;
    int uploadConnections = 0;    // peers we upload to
    int downloadConnections = 0;  // peers we download from
    QString error;

    friend bool operator==(const TransferStatus &, const TransferStatus &) = default;
};

} // namespace mp2p

Q_DECLARE_METATYPE(mp2p::TransferStatus)
