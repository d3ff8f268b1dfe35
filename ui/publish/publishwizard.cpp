#include "publishwizard.h"

#include "publishpages.h"

namespace mp2p {

PublishWizard::PublishWizard(Publisher *publisher, QWidget *parent)
    : QWizard(parent)
    , m_source(new PublishSourcePage(this))
    , m_details(new PublishDetailsPage(this))
    , m_progress(new PublishProgressPage(publisher, this))
{
    setWindowTitle(tr("Publish"));
    setAccessibleName(tr("Publish wizard"));
    setPage(SourcePage, m_source);
    setPage(DetailsPage, m_details);
    setPage(ProgressPage, m_progress);
    setOption(QWizard::NoBackButtonOnLastPage);
    connect(m_progress, &PublishProgressPage::published, this, &PublishWizard::published);
}

void PublishWizard::setPath(const QString &path, bool isFolder)
{
    m_source->setSource(path, isFolder);
}

} // namespace mp2p
