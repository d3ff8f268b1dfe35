#pragma once

#include <QObject>

#include <initializer_list>

class QSocketNotifier;

namespace mp2p {

// Turns SIGTERM/SIGINT/SIGHUP into a Qt signal on the event loop (self-pipe), so shutdown
// and reload run as ordinary code instead of inside an async-signal handler.
class UnixSignalWatcher : public QObject {
    Q_OBJECT
public:
    explicit UnixSignalWatcher(std::initializer_list<int> signalNumbers, QObject *parent = nullptr);
    ~UnixSignalWatcher() override;

Q_SIGNALS:
    void received(int signalNumber);

private:
    void readPipe();
    QSocketNotifier *m_notifier = nullptr;
};

} // namespace mp2p
