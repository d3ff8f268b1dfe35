<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>mp2p::Autostart</name>
    <message>
        <source>Cannot remove %1. Delete it by hand to stop starting at login.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot create the folder %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mp2p::FirstRunDialog</name>
    <message>
        <source>Welcome to mp2p</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mp2p shares files through a managed peer-to-peer service. Choose where that service runs. You can change this later in Settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Run locally (this machine / LAN)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run locally</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mp2p starts its own services inside the app: the user directory (who you are), the content index (what can be found), the overlay manager (who has which content) and the activity service, plus a network map for one region. Other computers on your network can use them too.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use a &amp;provider URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use a provider URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Provider URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your identity:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>created when mp2p first connects…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your user id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy your user id</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mp2p::ManagedPeerPublisher</name>
    <message>
        <source>The peer has stopped; restart mp2p and try again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mp2p::PublishDetailsPage</name>
    <message>
        <source>Describe it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is what people see when they search.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tags, separated by commas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>music, live, 2024</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>T&amp;ags:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Publish</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a title.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The title is %1 characters long; use at most 200.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The description is %1 characters long; use at most 5000.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use at most 32 tags (you have %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The tag &quot;%1…&quot; is too long; a tag has at most 64 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problem</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mp2p::PublishProgressPage</name>
    <message>
        <source>Publishing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Publishing status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Publishing progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Content id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try publishing again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hashing %1 and registering it with the provider. Large folders take a while; you can keep using mp2p meanwhile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Published. mp2p is now sharing it; others can find it in search. Content id:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Publishing failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mp2p::PublishSourcePage</name>
    <message>
        <source>What do you want to share?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose one file, or a folder to share with everything in it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A &amp;file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A f&amp;older</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Path of the file or folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the file or folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing exists at this path. Check it or use Browse.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is a file. Choose &quot;A file&quot; or pick a folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is a folder. Choose &quot;A folder&quot; or pick a file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You cannot read this. Check its permissions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This file is empty; there is nothing to share.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folder to share</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File to share</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problem</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mp2p::PublishWizard</name>
    <message>
        <source>Publish</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Publish wizard</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mp2p::SettingsDialog</name>
    <message>
        <source> KiB/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlimited</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Provider URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service provider:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Download folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the download folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Download folder:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upload limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Download limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Upload limit:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Do&amp;wnload limit:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Listen address and port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The address and port other peers connect to, e.g. 0.0.0.0:6881 (all interfaces).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Listen on:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start &amp;minimised to the tray</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start at lo&amp;gin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tray:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The settings could not be written to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run the services on this &amp;computer (embedded, for this machine and the LAN)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use a &amp;provider:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closing the window &amp;keeps mp2p running in the tray</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>L&amp;anguage (after restart):</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mp2p::SettingsValidator</name>
    <message>
        <source>Enter the provider&apos;s address, for example https://p2p.example.org.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is not a valid address. Use the form https://host[:port].</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The address must start with http:// or https://.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a folder for downloads.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use a full path (starting with /), not a relative one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This folder cannot be created: part of the path is a file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This folder is not writable. Choose one you own.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A limit cannot be negative. Use 0 for unlimited.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A limit above %1 KiB/s is not possible. Use 0 for unlimited.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use an IP address and a port, such as 0.0.0.0:6881 or [::]:6881.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The port must be a number from 0 to 65535 (0 picks a free port).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a language from the list.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mp2p::SingleInstance</name>
    <message>
        <source>mp2p is already running.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open the local socket %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mp2p::TrayController</name>
    <message>
        <source>mp2p tray menu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Show window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Pause all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Resume all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mp2p: sharing in the background</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mp2p keeps running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mp2p is still sharing in the background. Use the tray icon to open it again, or Quit to stop.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Download complete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has finished downloading and is now being shared.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Hide window</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
