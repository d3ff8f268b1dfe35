// The player window's widgets, shortcuts and accessible names (the behaviour is in playerwindow.cpp).
#include "playerwindow.h"

#include <QAudioOutput>
#include <QBoxLayout>
#include <QKeySequence>
#include <QLabel>
#include <QPushButton>
#include <QShortcut>
#include <QSlider>
#include <QStyle>
#include <QVideoWidget>

namespace mp2p {

void PlayerWindow::buildUi()
{
    setWindowTitle(tr("Player"));
    setAccessibleName(tr("Media player"));
    resize(720, 520);

    m_title = new QLabel(this);
    m_title->setAccessibleName(tr("Playing file"));
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_video = new QVideoWidget(this);
    m_video->setAccessibleName(tr("Video"));
    m_video->setMinimumSize(320, 180);
    m_video->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);

    m_message = new QLabel(this);
    m_message->setAccessibleName(tr("Player message"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_position = new QLabel(QStringLiteral("0:00"), this);
    m_position->setAccessibleName(tr("Position"));
    m_duration = new QLabel(QStringLiteral("0:00"), this);
    m_duration->setAccessibleName(tr("Duration"));
    m_seek = new QSlider(Qt::Horizontal, this);
    m_seek->setAccessibleName(tr("Seek"));
    m_seek->setToolTip(tr("Seek (Left/Right: 5 seconds)"));
    m_seek->setRange(0, 0);
    m_seek->setSingleStep(5000);
    m_seek->setPageStep(30000);

    m_playPause = new QPushButton(this);
    m_playPause->setAccessibleName(tr("Play or pause"));
    m_playPause->setToolTip(tr("Play or pause (Space)"));
    m_volume = new QSlider(Qt::Horizontal, this);
    m_volume->setAccessibleName(tr("Volume"));
    m_volume->setToolTip(tr("Volume (Up/Down; M mutes)"));
    m_volume->setRange(0, 100);
    m_volume->setValue(80);
    m_volume->setMaximumWidth(120);
    m_audio->setVolume(0.8f);
    auto *volumeLabel = new QLabel(tr("&Volume"), this);
    volumeLabel->setBuddy(m_volume);
    m_external = new QPushButton(tr("Open in &external player"), this);
    m_external->setAccessibleName(tr("Open in external player"));
    m_external->setToolTip(tr("Hand the stream URL to another player (for example mpv or VLC)"));
    m_copyUrl = new QPushButton(tr("&Copy stream URL"), this);
    m_copyUrl->setAccessibleName(tr("Copy stream URL"));
    m_copyUrl->setToolTip(tr("Copy the local address of this stream, for any player that can open a URL"));

    m_buffering = new QLabel(this);
    m_buffering->setAccessibleName(tr("Buffering"));

    auto *seekRow = new QHBoxLayout;
    seekRow->addWidget(m_position);
    seekRow->addWidget(m_seek, 1);
    seekRow->addWidget(m_duration);
    auto *controls = new QHBoxLayout;
    controls->addWidget(m_playPause);
    controls->addWidget(volumeLabel);
    controls->addWidget(m_volume);
    controls->addStretch(1);
    controls->addWidget(m_copyUrl);
    controls->addWidget(m_external);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addWidget(m_video, 1);
    layout->addWidget(m_message);
    layout->addLayout(seekRow);
    layout->addLayout(controls);
    layout->addWidget(m_buffering);
    // Tab order follows the controls left to right; the video itself takes no focus.
    setTabOrder(m_seek, m_playPause);
    setTabOrder(m_playPause, m_volume);
    setTabOrder(m_volume, m_copyUrl);
    setTabOrder(m_copyUrl, m_external);
    onPlaybackState(QMediaPlayer::StoppedState);
}

void PlayerWindow::buildShortcuts()
{
    const auto add = [this](const QKeySequence &keys, auto slot) {
        auto *s = new QShortcut(keys, this);
        s->setContext(Qt::WindowShortcut);
        connect(s, &QShortcut::activated, this, slot);
    };
    add(QKeySequence(Qt::Key_Space), [this] { togglePlayPause(); });
    add(QKeySequence(Qt::Key_K), [this] { togglePlayPause(); });
    add(QKeySequence(Qt::Key_Left), [this] { seekBy(-5000); });
    add(QKeySequence(Qt::Key_Right), [this] { seekBy(5000); });
    add(QKeySequence(Qt::Key_Up), [this] { m_volume->setValue(m_volume->value() + 5); });
    add(QKeySequence(Qt::Key_Down), [this] { m_volume->setValue(m_volume->value() - 5); });
    add(QKeySequence(Qt::Key_M), [this] { m_audio->setMuted(!m_audio->isMuted()); });
    add(QKeySequence(Qt::Key_F), [this] { m_video->setFullScreen(!m_video->isFullScreen()); });
    add(QKeySequence(Qt::Key_Escape), [this] {
        if (m_video->isFullScreen())
            m_video->setFullScreen(false);
        else
            close();
    });
}

} // namespace mp2p
