#pragma once

#include <QElapsedTimer>
#include <QMediaPlayer>
#include <QPointer>
#include <QUrl>
#include <QWidget>

class QAudioOutput;
class QLabel;
class QPushButton;
class QSlider;
class QTimer;
class QVideoFrame;
class QVideoWidget;

namespace mp2p {

class PeerSession;
class StreamServer;

// Plays one file of a transfer while it downloads: the file is read from the session's local
// StreamServer (http://127.0.0.1:<port>/stream/<hash>/<index>), which waits for missing pieces
// and puts piece deadlines at the bytes the player asks for, so a seek moves the deadlines to
// the new playhead. Shows buffering (the player's own, and how long the stream waited for
// pieces) and offers the same URL to an external player. Problems are shown in the window.
class PlayerWindow : public QWidget {
    Q_OBJECT
public:
    explicit PlayerWindow(PeerSession *session, QWidget *parent = nullptr);
    ~PlayerWindow() override;

    // The entry point for the main window's "Play": one window per file (raised when already
    // open), deleted on close. Never returns nullptr; a problem is shown inside the window.
    static PlayerWindow *open(PeerSession *session, const QString &infoHash, int fileIndex,
                              QWidget *parent = nullptr);

    // Points the player at the file and starts playing; false (and the reason shown) when
    // the transfer or file is unknown or the stream server cannot run.
    bool play(const QString &infoHash, int fileIndex);

    QString infoHash() const { return m_infoHash; }
    int fileIndex() const { return m_fileIndex; }
    QUrl streamUrl() const { return m_url; }
    QMediaPlayer *mediaPlayer() const { return m_player; }
    QString messageText() const;      // the problem or buffering line shown above the controls
    QString bufferingText() const;    // "Downloaded … · buffered … · waited for pieces …"
    QPushButton *playPauseButton() const { return m_playPause; }
    QPushButton *externalButton() const { return m_external; }
    QPushButton *copyUrlButton() const { return m_copyUrl; }
    QSlider *seekSlider() const { return m_seek; }
    QSlider *volumeSlider() const { return m_volume; }
    // The command used by "Open in external player"; empty = the desktop's URL handler.
    // Defaults to the player/externalCommand setting.
    void setExternalCommand(const QString &command) { m_externalCommand = command; }

    void togglePlayPause();
    void seekBy(qint64 deltaMs);
    void openExternally();
    void copyStreamUrl();

Q_SIGNALS:
    // The first decoded video frame after play(): milliseconds since play() was called.
    void firstFrameShown(qint64 msSincePlay);
    void problemShown(const QString &text);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void buildUi();
    void buildShortcuts();
    void connectPlayer();
    void showProblem(const QString &text);
    void showMessage(const QString &text);
    void onFrame(const QVideoFrame &frame);
    void onStatus(QMediaPlayer::MediaStatus status);
    void onPlaybackState(QMediaPlayer::PlaybackState state);
    void onPosition(qint64 ms);
    void onDuration(qint64 ms);
    void refreshBuffering();
    void tryOpen();
    void onError(const QString &text);
    void handleError(const QString &text);

    QPointer<PeerSession> m_session;
    QPointer<StreamServer> m_server;
    QString m_infoHash;
    int m_fileIndex = -1;
    QUrl m_url;
    QString m_externalCommand;
    QString m_problem;
    QMediaPlayer *m_player = nullptr;
    QAudioOutput *m_audio = nullptr;
    QVideoWidget *m_video = nullptr;
    QLabel *m_title = nullptr;
    QLabel *m_message = nullptr;
    QLabel *m_buffering = nullptr;
    QLabel *m_position = nullptr;
    QLabel *m_duration = nullptr;
    QSlider *m_seek = nullptr;
    QSlider *m_volume = nullptr;
    QPushButton *m_playPause = nullptr;
    QPushButton *m_external = nullptr;
    QPushButton *m_copyUrl = nullptr;
    QTimer *m_refresh = nullptr;
    QTimer *m_openPoll = nullptr;   // waits for the bytes a player reads while it opens
    qint64 m_headBytes = 0;
    int m_openAttempts = 0;
    bool m_errorQueued = false;
    QElapsedTimer m_sincePlay;
    bool m_frameSeen = false;
    bool m_seeking = false;  // the user drags the slider: positions do not move it
};

} // namespace mp2p
