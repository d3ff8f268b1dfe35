#include "piecesbar.h"

#include <user/engine/peerengine.h>

#include <QPainter>

namespace mp2p {

PiecesBar::PiecesBar(QWidget *parent)
    : QWidget(parent)
{
    setAccessibleName(tr("Pieces"));
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    setPieces({});
}

void PiecesBar::setPieces(const QByteArray &states)
{
    // Asked every second while the details pane shows: an unchanged bar is not repainted.
    if (m_shown && states == m_states)
        return;
    m_shown = true;
    m_states = states;
    m_have = int(states.count(char(PieceState::Have)));
    m_downloading = int(states.count(char(PieceState::Downloading)));
    // Screen readers get the numbers the picture shows.
    setAccessibleDescription(states.isEmpty() ? tr("No piece information")
                                              : tr("%1 of %2 pieces downloaded, %3 in progress")
                                                    .arg(m_have).arg(states.size()).arg(m_downloading));
    setToolTip(accessibleDescription());
    update();
}

QSize PiecesBar::sizeHint() const
{
    return {300, fontMetrics().height()};
}

QSize PiecesBar::minimumSizeHint() const
{
    return {60, fontMetrics().height()};
}

void PiecesBar::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    const QRect area = rect().adjusted(0, 0, -1, -1);
    p.fillRect(area, palette().base());
    const int n = int(m_states.size());
    const int width = area.width();
    if (n > 0 && width > 0) {
        const QColor have = palette().color(QPalette::Highlight);
        QColor busy = have;
        busy.setAlpha(110);
        // One pass over pixel columns; each column covers pieces [first, last).
        for (int x = 0; x < width; ++x) {
            const qint64 first = qint64(x) * n / width;
            const qint64 last = std::max(first + 1, qint64(x + 1) * n / width);
            int had = 0, downloading = 0;
            for (qint64 i = first; i < last && i < n; ++i) {
                const auto s = PieceState(quint8(m_states[i]));
                had += s == PieceState::Have;
                downloading += s == PieceState::Downloading;
            }
            const int span = int(last - first);
            if (had == span) {
                p.setPen(have);
            } else if (had + downloading > 0) {
                QColor c = downloading > 0 ? busy : have;
                if (had > 0)
                    c.setAlpha(60 + 195 * had / span);
                p.setPen(c);
            } else {
                continue;
            }
            p.drawLine(area.left() + x, area.top(), area.left() + x, area.bottom());
        }
    }
    p.setPen(palette().color(QPalette::Mid));
    p.drawRect(area);
}

} // namespace mp2p
