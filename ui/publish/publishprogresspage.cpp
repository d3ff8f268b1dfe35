#include "publishpages.h"

#include "publisher.h"

#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

namespace mp2p {

PublishProgressPage::PublishProgressPage(Publisher *publisher, QWidget *parent)
    : QWizardPage(parent)
    , m_publisher(publisher)
{
    setTitle(tr("Publishing"));
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("status"));
    m_status->setWordWrap(true);
    m_status->setAccessibleName(tr("Publishing status"));
    m_progress = new QProgressBar(this);
    m_progress->setAccessibleName(tr("Publishing progress"));
    m_result = new QLineEdit(this);
    m_result->setObjectName(QStringLiteral("contentId"));
    m_result->setReadOnly(true);  // selectable and copyable with the keyboard
    m_result->setAccessibleName(tr("Content id"));
    m_result->hide();
    m_retry = new QPushButton(tr("&Retry"), this);
    m_retry->setAccessibleName(tr("Try publishing again"));
    m_retry->hide();
    connect(m_retry, &QPushButton::clicked, this, &PublishProgressPage::start);
    connect(m_publisher, &Publisher::published, this, &PublishProgressPage::onPublished);
    connect(m_publisher, &Publisher::failed, this, &PublishProgressPage::onFailed);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_status);
    layout->addWidget(m_progress);
    layout->addWidget(m_result);
    layout->addWidget(m_retry, 0, Qt::AlignLeft);
    layout->addStretch(1);
}

void PublishProgressPage::initializePage()
{
    start();
}

bool PublishProgressPage::isComplete() const
{
    return !m_busy && !m_contentId.isEmpty();
}

void PublishProgressPage::start()
{
    PublishRequest request;
    request.path = QDir::cleanPath(field(QStringLiteral("path")).toString().trimmed());
    request.title = field(QStringLiteral("title")).toString().trimmed();
    request.description = field(QStringLiteral("description")).toString();
    request.tags = PublishDetailsPage::splitTags(field(QStringLiteral("tags")).toString());
    m_busy = true;
    m_error.clear();
    m_contentId.clear();
    m_progress->setRange(0, 0);  // busy: the core does not report hashing progress
    m_status->setText(tr("Hashing %1 and registering it with the provider. Large folders take a while; "
                         "you can keep using mp2p meanwhile.").arg(request.path));
    m_result->hide();
    m_retry->hide();
    Q_EMIT completeChanged();
    m_publisher->publish(request);  // returns at once; may answer synchronously on failure
}

void PublishProgressPage::onPublished(const QString &contentId, const QString &infoHash)
{
    if (!m_busy)
        return;
    m_busy = false;
    m_contentId = contentId;
    m_infoHash = infoHash;
    m_progress->setRange(0, 1);
    m_progress->setValue(1);
    m_status->setText(tr("Published. mp2p is now sharing it; others can find it in search. Content id:"));
    m_result->setText(contentId);
    m_result->show();
    Q_EMIT completeChanged();
    Q_EMIT published(contentId, infoHash);
}

void PublishProgressPage::onFailed(const QString &problem)
{
    if (!m_busy)
        return;
    m_busy = false;
    m_error = problem;
    m_progress->setRange(0, 1);
    m_progress->setValue(0);
    m_status->setText(tr("Publishing failed: %1").arg(problem));
    m_retry->show();
    m_retry->setFocus(Qt::OtherFocusReason);
    Q_EMIT completeChanged();
}

} // namespace mp2p
