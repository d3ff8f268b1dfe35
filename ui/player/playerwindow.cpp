#include "playerwindow.h"

#include "externalplayer.h"
#include "mediabackend.h"
#include "streamaccess.h"

#include <user/session/peersession.h>
#include <user/stream/streamserver.h>

#include <QApplication>
#include <QAudioOutput>
#include <QClipboard>
#include <QCloseEvent>
#include <QFileInfo>
#include <QLabel>
#include <QPushButton>
#include <QSlider>
#include <QStyle>
#include <QTimer>
#include <QVideoFrame>
#include <QVideoSink>
#include <QVideoWidget>

namespace mp2p {

namespace {
// The bytes the FFmpeg backend reads inside QMediaPlayer::setSource() (the header and the
// probing of the first frames; an index at the end for some formats). They must be verified
// before setSource(), which blocks this thread, the engine's, until it has them.
constexpr qint64 kHeadBytes = 2 << 20;
constexpr qint64 kTailBytes = 256 << 10;
constexpr int kOpenAttempts = 3;

QString clock(qint64 ms)
{
    const qint64 s = qMax<qint64>(0, ms / 1000);
    if (s >= 3600)
        return QStringLiteral("%1:%2:%3").arg(s / 3600).arg(s / 60 % 60, 2, 10, QLatin1Char('0')).arg(s % 60, 2, 10,
                                                                                                   QLatin1Char('0'));
    return QStringLiteral("%1:%2").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
}
} // namespace

PlayerWindow::PlayerWindow(PeerSession *session, QWidget *parent)
    : QWidget(parent, Qt::Window)
    , m_session(session)
    , m_externalCommand(externalPlayerCommand())
{
    preferSelfContainedMediaBackend();  // before the first QMediaPlayer of the process
    m_player = new QMediaPlayer(this);
    m_audio = new QAudioOutput(this);
    m_player->setAudioOutput(m_audio);
    buildUi();
    m_player->setVideoOutput(m_video);
    buildShortcuts();
    connectPlayer();
    m_refresh = new QTimer(this);
    m_refresh->setInterval(1000);
    connect(m_refresh, &QTimer::timeout, this, &PlayerWindow::refreshBuffering);
    m_openPoll = new QTimer(this);
    m_openPoll->setInterval(200);
    connect(m_openPoll, &QTimer::timeout, this, &PlayerWindow::tryOpen);
}

PlayerWindow::~PlayerWindow()
{
    // Stop first: the backend's reader thread must not outlive the sink it feeds.
    m_player->stop();
}

PlayerWindow *PlayerWindow::open(PeerSession *session, const QString &infoHash, int fileIndex, QWidget *parent)
{
    const auto windows = QApplication::topLevelWidgets();
    for (QWidget *w : windows) {
        auto *p = qobject_cast<PlayerWindow *>(w);
        if (p && p->infoHash() == infoHash.toLower() && p->fileIndex() == fileIndex) {
            p->show();
            p->raise();
            p->activateWindow();
            return p;
        }
    }
    auto *window = new PlayerWindow(session, parent);
    window->setAttribute(Qt::WA_DeleteOnClose);
    window->show();
    window->play(infoHash, fileIndex);
    return window;
}

bool PlayerWindow::play(const QString &infoHash, int fileIndex)
{
    m_infoHash = infoHash.toLower();
    m_fileIndex = fileIndex;
    m_problem.clear();
    m_frameSeen = false;
    QString error;
    m_server = streamServerFor(m_session, &error);
    if (!m_server) {
        showProblem(error);
        return false;
    }
    connect(m_server, &StreamServer::statsChanged, this, &PlayerWindow::refreshBuffering, Qt::UniqueConnection);
    PeerEngine *engine = m_session->peer()->engine();
    QString name;
    for (const TransferFile &f : engine->files(m_infoHash))
        if (f.index == fileIndex)
            name = QFileInfo(f.path).fileName();
    if (name.isEmpty()) {
        showProblem(tr("This peer has no file %1 in transfer %2; it may have been removed.").arg(fileIndex).arg(m_infoHash));
        return false;
    }
    setWindowTitle(tr("%1 — Player").arg(name));
    m_title->setText(name);
    m_url = m_server->urlFor(m_infoHash, fileIndex);
    m_sincePlay.start();
    m_headBytes = kHeadBytes;
    m_openAttempts = 0;
    m_refresh->start();
    refreshBuffering();
    tryOpen();
    if (m_player->source().isEmpty()) {
        showMessage(tr("Buffering the start of the file…"));
        m_openPoll->start();
    }
    return true;
}

void PlayerWindow::tryOpen()
{
    if (!m_server || !m_server->prepareOpen(m_infoHash, m_fileIndex, m_headBytes, kTailBytes))
        return;  // the deadlines are set; the poll asks again
    m_openPoll->stop();
    ++m_openAttempts;
    showMessage(tr("Opening…"));
    m_player->setSource(m_url);
    m_player->play();
}

void PlayerWindow::onError(const QString &text)
{
    // Handled after the backend's signal returned: changing the source from inside its own
    // error signal crashes Qt 6.4's FFmpeg backend. Both InvalidMedia and errorOccurred come
    // for one failure; the first one handles it.
    if (m_errorQueued)
        return;
    m_errorQueued = true;
    QTimer::singleShot(0, this, [this, text] {
        m_errorQueued = false;
        handleError(text);
    });
}

void PlayerWindow::handleError(const QString &text)
{
    if (m_player->source().isEmpty() && !m_problem.isEmpty())
        return;
    // An open that needed more than the buffered start fails (the stream server ends a
    // response the engine cannot feed while setSource() blocks): buffer more and try again.
    if (!m_frameSeen && m_openAttempts > 0 && m_openAttempts < kOpenAttempts && !m_url.isEmpty()) {
        m_headBytes *= 4;
        m_player->setSource(QUrl());
        showMessage(tr("Buffering more of the file before playing…"));
        m_openPoll->start();
        return;
    }
    showProblem(tr("Cannot play this file: %1. It may not be a media file this player knows; "
                   "try \"Open in external player\".").arg(text.isEmpty() ? tr("unknown error") : text));
}

QString PlayerWindow::messageText() const
{
    return m_message->text();
}

QString PlayerWindow::bufferingText() const
{
    return m_buffering->text();
}

void PlayerWindow::togglePlayPause()
{
    if (m_url.isEmpty())
        return;
    if (m_player->playbackState() == QMediaPlayer::PlayingState)
        m_player->pause();
    else
        m_player->play();
}

void PlayerWindow::seekBy(qint64 deltaMs)
{
    if (!m_player->isSeekable())
        return;
    const qint64 end = m_player->duration() > 0 ? m_player->duration() : m_player->position() + deltaMs;
    m_player->setPosition(qBound<qint64>(0, m_player->position() + deltaMs, end));
}

void PlayerWindow::openExternally()
{
    if (m_url.isEmpty())
        return showProblem(tr("Nothing to open: the stream did not start."));
    QString error;
    if (!openInExternalPlayer(m_url, m_externalCommand, &error))
        return showProblem(error);
    m_player->pause();  // one player at a time reads the pieces
    showMessage(tr("Opened in the external player. The stream stays available while this peer runs."));
}

void PlayerWindow::copyStreamUrl()
{
    if (m_url.isEmpty())
        return;
    QApplication::clipboard()->setText(m_url.toString());
    showMessage(tr("Stream URL copied: %1").arg(m_url.toString()));
}

void PlayerWindow::closeEvent(QCloseEvent *event)
{
    m_player->stop();  // ends the HTTP request, so the stream server drops this file's deadlines
    m_refresh->stop();
    m_openPoll->stop();
    QWidget::closeEvent(event);
}

void PlayerWindow::connectPlayer()
{
    connect(m_playPause, &QPushButton::clicked, this, &PlayerWindow::togglePlayPause);
    connect(m_external, &QPushButton::clicked, this, &PlayerWindow::openExternally);
    connect(m_copyUrl, &QPushButton::clicked, this, &PlayerWindow::copyStreamUrl);
    connect(m_volume, &QSlider::valueChanged, this, [this](int v) { m_audio->setVolume(float(v) / 100.0f); });
    // Dragging only moves the label; the seek happens on release (each seek is a new HTTP
    // request and moves the piece deadlines). Clicks and keys on the slider seek at once.
    connect(m_seek, &QSlider::sliderPressed, this, [this] { m_seeking = true; });
    connect(m_seek, &QSlider::sliderMoved, this, [this](int v) { m_position->setText(clock(v)); });
    connect(m_seek, &QSlider::sliderReleased, this, [this] {
        m_seeking = false;
        m_player->setPosition(m_seek->value());
    });
    connect(m_seek, &QSlider::actionTriggered, this, [this](int action) {
        if (action != QAbstractSlider::SliderMove)
            QTimer::singleShot(0, this, [this] { m_player->setPosition(m_seek->sliderPosition()); });
    });
    connect(m_player, &QMediaPlayer::positionChanged, this, &PlayerWindow::onPosition);
    connect(m_player, &QMediaPlayer::durationChanged, this, &PlayerWindow::onDuration);
    connect(m_player, &QMediaPlayer::mediaStatusChanged, this, &PlayerWindow::onStatus);
    connect(m_player, &QMediaPlayer::playbackStateChanged, this, &PlayerWindow::onPlaybackState);
    connect(m_player, &QMediaPlayer::bufferProgressChanged, this, &PlayerWindow::refreshBuffering);
    connect(m_player, &QMediaPlayer::errorOccurred, this,
            [this](QMediaPlayer::Error, const QString &text) { onError(text); });
    connect(m_player->videoSink(), &QVideoSink::videoFrameChanged, this, &PlayerWindow::onFrame);
}

void PlayerWindow::showProblem(const QString &text)
{
    m_problem = text;
    m_message->setText(text);
    m_message->setStyleSheet(QStringLiteral("color: palette(highlight); font-weight: bold;"));
    Q_EMIT problemShown(text);
}

void PlayerWindow::showMessage(const QString &text)
{
    if (!m_problem.isEmpty())
        return;  // a problem stays visible until the next play()
    m_message->setStyleSheet(QString());
    m_message->setText(text);
}

void PlayerWindow::onFrame(const QVideoFrame &frame)
{
    if (m_frameSeen || !frame.isValid())
        return;
    m_frameSeen = true;
    Q_EMIT firstFrameShown(m_sincePlay.elapsed());
}

void PlayerWindow::onStatus(QMediaPlayer::MediaStatus status)
{
    switch (status) {
    case QMediaPlayer::LoadingMedia:
        showMessage(tr("Opening…"));
        break;
    case QMediaPlayer::StalledMedia:
    case QMediaPlayer::BufferingMedia:
        showMessage(tr("Buffering: waiting for pieces of the file…"));
        break;
    case QMediaPlayer::LoadedMedia:
    case QMediaPlayer::BufferedMedia:
        showMessage(QString());
        break;
    case QMediaPlayer::EndOfMedia:
        showMessage(tr("End of the file."));
        break;
    case QMediaPlayer::InvalidMedia:
        onError(tr("not a media file, or a format this player does not know"));
        break;
    case QMediaPlayer::NoMedia:
        break;
    }
    refreshBuffering();
}

void PlayerWindow::onPlaybackState(QMediaPlayer::PlaybackState state)
{
    const bool playing = state == QMediaPlayer::PlayingState;
    m_playPause->setText(playing ? tr("&Pause") : tr("&Play"));
    m_playPause->setIcon(style()->standardIcon(playing ? QStyle::SP_MediaPause : QStyle::SP_MediaPlay));
}

void PlayerWindow::onPosition(qint64 ms)
{
    if (m_seeking)
        return;
    m_position->setText(clock(ms));
    const QSignalBlocker block(m_seek);
    m_seek->setValue(int(qMin<qint64>(ms, INT_MAX)));
}

void PlayerWindow::onDuration(qint64 ms)
{
    m_duration->setText(clock(ms));
    m_seek->setRange(0, int(qMin<qint64>(ms, INT_MAX)));
}

void PlayerWindow::refreshBuffering()
{
    QStringList parts;
    if (m_session && m_session->peer() && !m_infoHash.isEmpty()) {
        if (const auto t = m_session->peer()->engine()->transfer(m_infoHash))
            parts << tr("Downloaded %1 %").arg(qRound(t->progress * 100));
    }
    parts << tr("player buffer %1 %").arg(qRound(m_player->bufferProgress() * 100));
    if (m_server) {
        const StreamStats s = m_server->stats();
        parts << tr("waited for pieces %1 s").arg(QLocale().toString(double(s.totalWaitedMs) / 1000.0, 'f', 1));
        if (s.waitingRequests > 0)
            parts << tr("waiting now");
    }
    m_buffering->setText(parts.join(QStringLiteral(" · ")));
}

} // namespace mp2p
