#pragma once

#include <QByteArray>
#include <QWidget>

namespace mp2p {

// A strip showing every piece of a transfer: had (filled), being downloaded (lighter) or
// missing (background). Many pieces share one pixel column; the column shows the share of had
// pieces among them, so a 10 000-piece torrent still reads right in 300 px.
class PiecesBar : public QWidget {
    Q_OBJECT
public:
    explicit PiecesBar(QWidget *parent = nullptr);

    // One PieceState (as quint8) per piece, as PeerEngine::pieceStates() gives them.
    void setPieces(const QByteArray &states);
    QByteArray pieces() const { return m_states; }
    int haveCount() const { return m_have; }
    int downloadingCount() const { return m_downloading; }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QByteArray m_states;
    int m_have = 0;
    int m_downloading = 0;
    bool m_shown = false;  // setPieces() ran once (tooltip and description are set)
};

} // namespace mp2p
