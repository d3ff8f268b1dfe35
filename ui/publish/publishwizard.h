#pragma once

#include <QWizard>

namespace mp2p {

class Publisher;
class PublishDetailsPage;
class PublishProgressPage;
class PublishSourcePage;

// Publish: choose a file or folder → title, description, tags → hashing and registration
// (progress, then the content id or the error). The publisher is not owned; the app passes a
// ManagedPeerPublisher. Show it with open() (non-blocking); published() tells the main window.
class PublishWizard : public QWizard {
    Q_OBJECT
public:
    enum PageId { SourcePage, DetailsPage, ProgressPage };

    explicit PublishWizard(Publisher *publisher, QWidget *parent = nullptr);

    void setPath(const QString &path, bool isFolder);  // e.g. from drag and drop

    PublishSourcePage *sourcePage() const { return m_source; }
    PublishDetailsPage *detailsPage() const { return m_details; }
    PublishProgressPage *progressPage() const { return m_progress; }

Q_SIGNALS:
    void published(const QString &contentId, const QString &infoHash);

private:
    PublishSourcePage *m_source;
    PublishDetailsPage *m_details;
    PublishProgressPage *m_progress;
};

} // namespace mp2p
