#pragma once

#include <QPointer>
#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;
class QTimer;

namespace mp2p {

class ManagedPeer;
class PeerSession;
class SearchResultModel;

// A search box that queries the IXS as the user types (debounced), the results, and a
// Download button. Double-click or Download emits downloadRequested.
class SearchView : public QWidget {
    Q_OBJECT
public:
    explicit SearchView(QWidget *parent = nullptr);

    // Searches go through `peer` once it is ready (nullptr = not yet: typing waits).
    void setPeer(ManagedPeer *peer);
    // Seeds/peers of each result are asked from its OMS through `session` after the results
    // arrive (asynchronously; nullptr = the columns stay "–").
    void setSession(PeerSession *session);
    void focusSearch();
    void setDebounceMs(int ms);

    QLineEdit *searchBox() const { return m_query; }
    QTableView *resultsView() const { return m_results; }
    SearchResultModel *model() const { return m_model; }

Q_SIGNALS:
    void downloadRequested(const QString &contentId, const QString &title);

private:
    void runQuery();
    void requestSelectedDownload();
    void updateButtons();
    void fetchSwarms(quint64 serial);

    QPointer<ManagedPeer> m_peer;
    QPointer<PeerSession> m_session;
    QLineEdit *m_query;
    QTableView *m_results;
    QPushButton *m_download;
    QLabel *m_status;
    QTimer *m_debounce;
    SearchResultModel *m_model;
    quint64 m_querySerial = 0;  // answers to superseded queries are dropped
};

} // namespace mp2p
