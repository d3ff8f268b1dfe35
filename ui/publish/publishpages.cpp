#include "publishpages.h"

#include "publisher.h"

#include <QButtonGroup>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>
#include <QWizard>

namespace mp2p {

namespace {

QLabel *problemLabel(QWidget *parent, const QString &accessibleName)
{
    auto *label = new QLabel(parent);
    label->setObjectName(QStringLiteral("problem"));
    label->setWordWrap(true);
    label->setStyleSheet(QStringLiteral("color: #c0392b;"));
    label->setAccessibleName(accessibleName);
    label->hide();
    return label;
}

bool showProblem(QLabel *label, QWidget *control, const QString &problem)
{
    label->setText(problem);
    label->setVisible(!problem.isEmpty());
    control->setAccessibleDescription(problem);
    if (!problem.isEmpty())
        control->setFocus(Qt::OtherFocusReason);
    return problem.isEmpty();
}

} // namespace

PublishSourcePage::PublishSourcePage(QWidget *parent)
    : QWizardPage(parent)
{
    setTitle(tr("What do you want to share?"));
    setSubTitle(tr("Choose one file, or a folder to share with everything in it."));
    m_file = new QRadioButton(tr("A &file"), this);
    m_folder = new QRadioButton(tr("A f&older"), this);
    auto *kinds = new QButtonGroup(this);
    kinds->addButton(m_file);
    kinds->addButton(m_folder);
    m_file->setChecked(true);
    m_path = new QLineEdit(this);
    m_path->setObjectName(QStringLiteral("path"));
    m_path->setAccessibleName(tr("Path of the file or folder"));
    auto *browse = new QPushButton(tr("&Browse…"), this);
    browse->setAccessibleName(tr("Choose the file or folder"));
    connect(browse, &QPushButton::clicked, this, &PublishSourcePage::browse);
    m_problem = problemLabel(this, tr("Problem"));

    auto *row = new QHBoxLayout;
    row->addWidget(m_path, 1);
    row->addWidget(browse);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_file);
    layout->addWidget(m_folder);
    layout->addLayout(row);
    layout->addWidget(m_problem);
    layout->addStretch(1);
    registerField(QStringLiteral("path"), m_path);
    registerField(QStringLiteral("isFolder"), m_folder);
    connect(m_path, &QLineEdit::textChanged, this, &QWizardPage::completeChanged);
}

bool PublishSourcePage::isComplete() const
{
    return !m_path->text().trimmed().isEmpty();
}

bool PublishSourcePage::validatePage()
{
    const QFileInfo info(m_path->text().trimmed());
    QString problem;
    if (!info.exists())
        problem = tr("Nothing exists at this path. Check it or use Browse.");
    else if (m_folder->isChecked() && !info.isDir())
        problem = tr("This is a file. Choose \"A file\" or pick a folder.");
    else if (m_file->isChecked() && !info.isFile())
        problem = tr("This is a folder. Choose \"A folder\" or pick a file.");
    else if (!info.isReadable())
        problem = tr("You cannot read this. Check its permissions.");
    else if (info.isFile() && info.size() == 0)
        problem = tr("This file is empty; there is nothing to share.");
    return showProblem(m_problem, m_path, problem);
}

QString PublishSourcePage::problemShown() const
{
    return m_problem->isHidden() ? QString() : m_problem->text();
}

void PublishSourcePage::setSource(const QString &path, bool isFolder)
{
    (isFolder ? m_folder : m_file)->setChecked(true);
    m_path->setText(path);
}

void PublishSourcePage::browse()
{
    // open() rather than the static helpers: no nested event loop on the GUI thread.
    auto *dialog = new QFileDialog(this, m_folder->isChecked() ? tr("Folder to share") : tr("File to share"));
    dialog->setFileMode(m_folder->isChecked() ? QFileDialog::Directory : QFileDialog::ExistingFile);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QFileDialog::fileSelected, m_path, &QLineEdit::setText);
    dialog->open();
}

PublishDetailsPage::PublishDetailsPage(QWidget *parent)
    : QWizardPage(parent)
{
    setTitle(tr("Describe it"));
    setSubTitle(tr("This is what people see when they search."));
    m_title = new QLineEdit(this);
    m_title->setObjectName(QStringLiteral("title"));
    m_title->setAccessibleName(tr("Title"));
    m_title->setMaxLength(1000);  // longer is refused with a message, not silently cut
    m_description = new QPlainTextEdit(this);
    m_description->setObjectName(QStringLiteral("description"));
    m_description->setAccessibleName(tr("Description"));
    m_description->setTabChangesFocus(true);  // keyboard users leave the box with Tab
    m_tags = new QLineEdit(this);
    m_tags->setObjectName(QStringLiteral("tags"));
    m_tags->setAccessibleName(tr("Tags, separated by commas"));
    m_tags->setPlaceholderText(tr("music, live, 2024"));
    m_problem = problemLabel(this, tr("Problem"));

    auto *form = new QFormLayout(this);
    form->addRow(tr("&Title:"), m_title);
    form->addRow(tr("&Description:"), m_description);
    form->addRow(tr("T&ags:"), m_tags);
    form->addRow(QString(), m_problem);
    registerField(QStringLiteral("title*"), m_title);
    registerField(QStringLiteral("description"), m_description, "plainText");
    registerField(QStringLiteral("tags"), m_tags);
    setCommitPage(true);
    setButtonText(QWizard::CommitButton, tr("&Publish"));
}

void PublishDetailsPage::initializePage()
{
    if (m_title->text().isEmpty())
        m_title->setText(QFileInfo(field(QStringLiteral("path")).toString().trimmed()).fileName());
}

QString PublishDetailsPage::checkTitle(const QString &title)
{
    const QString t = title.trimmed();
    if (t.isEmpty())
        return tr("Enter a title.");
    if (t.size() > 200)
        return tr("The title is %1 characters long; use at most 200.").arg(t.size());
    return {};
}

QString PublishDetailsPage::checkDescription(const QString &description)
{
    if (description.size() > 5000)
        return tr("The description is %1 characters long; use at most 5000.").arg(description.size());
    return {};
}

QStringList PublishDetailsPage::splitTags(const QString &text)
{
    QStringList tags;
    for (const QString &part : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const QString tag = part.trimmed();
        if (!tag.isEmpty() && !tags.contains(tag))
            tags.append(tag);
    }
    return tags;
}

QString PublishDetailsPage::checkTags(const QStringList &tags)
{
    if (tags.size() > 32)
        return tr("Use at most 32 tags (you have %1).").arg(tags.size());
    for (const QString &tag : tags) {
        if (tag.size() > 64)
            return tr("The tag \"%1…\" is too long; a tag has at most 64 characters.").arg(tag.left(20));
    }
    return {};
}

bool PublishDetailsPage::validatePage()
{
    if (!showProblem(m_problem, m_title, checkTitle(m_title->text())))
        return false;
    if (!showProblem(m_problem, m_description, checkDescription(m_description->toPlainText())))
        return false;
    return showProblem(m_problem, m_tags, checkTags(splitTags(m_tags->text())));
}

QString PublishDetailsPage::problemShown() const
{
    return m_problem->isHidden() ? QString() : m_problem->text();
}

QStringList PublishDetailsPage::tags() const
{
    return splitTags(m_tags->text());
}

QString PublishDetailsPage::description() const
{
    return m_description->toPlainText();
}

} // namespace mp2p
