<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>QObject</name>
    <message>
        <source>mp2p</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The provider URL &quot;%1&quot; in the settings is not valid. Fix it (key provider/url in %2), or leave it empty to run the services on this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mp2p cannot start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mp2p will close now; start it again once this is fixed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
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
    <name>mp2p::ContributionView</name>
    <message>
        <source>Credited (MiB)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Credit: not known yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contribution chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Credit balance: %1 (%2 overlays)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Credit: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mp2p::DetailsPane</name>
    <message>
        <source>&amp;Play</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;General</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>F&amp;iles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>P&amp;eers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Overlay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transfer details sections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transfer details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The priority was not changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved in:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Info-hash / overlay:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overlay manager (OMS):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Downloaded / uploaded:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Peers:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last error:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pieces:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Files of the transfer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Play the selected file while it downloads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Priority: &amp;High</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Priority: &amp;Normal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Priority: &amp;Skip (do not download)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File actions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected peers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overlay id:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Managed by (OMS):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Swarm (as the OMS sees it):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Peers the OMS lists:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last asked:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a transfer to see its details.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 connected, %2 seeds; downloading from %3, uploading to %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The OMS does not know this overlay (a transfer added outside the managed service).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The OMS could not be asked: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 seeds, %2 leechers</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n peer(s) besides you</source>
        <translation>
            <numerusform>%n peer besides you</numerusform>
            <numerusform>%n peers besides you</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mp2p::FileListModel</name>
    <message>
        <source>This file is no longer part of a running transfer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skip</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>High</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Normal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Priority</source>
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
    <name>mp2p::Format</name>
    <message>
        <source>%1/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 d %2 h</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mp2p::MainWindow</name>
    <message>
        <source>mp2p</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Transfers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Main views</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Speed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contribution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transfer details and speed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open .torrent…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Publish a file or folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Find content…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>T&amp;ransfers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Provider: starting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Provider state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total rates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Network region</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your user id (click to copy)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your user id; click to copy it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your credit balance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Credit the provider&apos;s PAMS grants you for uploading; refreshed every minute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Provider: embedded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No provider URL is set, so the P2PSP services run inside this app at %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Provider: not running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Provider: unreachable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> — retrying in the background.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transfer error: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The operation failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Downloading %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Completed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Region: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Id: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Provider: connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Logged in at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The provider answers again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The provider does not answer; transfers go on peer-to-peer, and mp2p retries.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ready: logged in as %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>↓ %1  ↑ %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not connected yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mp2p is not logged in at the provider yet. Wait until the status bar says connected, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your user id was copied to the clipboard.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Publishing needs a login at the provider. Wait until the status bar says connected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Published; seeding it now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not available</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This build has no publish wizard; use: mp2p publish PATH</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings saved and applied. A new provider or language takes effect at the next start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This build has no settings dialog; edit %1 instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The scheduled (alternative) rate limits apply now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The normal rate limits apply now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The listen address was not changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open .torrent files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Torrent files (*.torrent);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Cannot open the .torrent file</source>
        <translation>
            <numerusform>Cannot open the .torrent file</numerusform>
            <numerusform>Cannot open the .torrent files</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Joining %n transfer(s) from .torrent files…</source>
        <translation>
            <numerusform>Joining %n transfer from a .torrent file…</numerusform>
            <numerusform>Joining %n transfers from .torrent files…</numerusform>
        </translation>
    </message>
    <message>
        <source>mp2p is not logged in at the provider yet, so the magnet link cannot be opened. Try again once the status bar says connected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this provider keeps no credit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Credit: –</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Credit: %1</source>
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
    <name>mp2p::PeerListModel</name>
    <message>
        <source>Relayed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Direct</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>incoming</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>outgoing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, uTP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, encrypted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Region</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Has</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mp2p::PeerSession</name>
    <message>
        <source>Cannot create the data folder %1. Check its permissions or free some disk space.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another mp2p (%1, process %2) is using the data folder %3. Close it first, or start this one with another data folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The built-in provider (P2PSP) could not start: %1. Set a provider URL in Settings, or free port %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a listen address; use ip:port, for example 0.0.0.0:6881</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read %1: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is %2 MiB, too large for a .torrent file; choose the .torrent, not the content.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a usable .torrent file: %2. Nothing was added.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mp2p is not logged in at the provider yet, so %1 cannot be joined. Try again once the status bar says connected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not connected to the provider</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mp2p::PiecesBar</name>
    <message>
        <source>Pieces</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No piece information</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 pieces downloaded, %3 in progress</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mp2p::PriorityDelegate</name>
    <message>
        <source>File priority</source>
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
    <name>mp2p::SearchResultModel</name>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seeds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Peers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Publisher</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Published</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mp2p::SearchView</name>
    <message>
        <source>&amp;Download</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search the index (title, tags, description)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Download the selected result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not connected to the provider yet; the search runs once it is.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The search failed: %1. Check the connection in the status bar and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n result(s)</source>
        <translation>
            <numerusform>%n result</numerusform>
            <numerusform>%n results</numerusform>
        </translation>
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
    <message>
        <source>Schedule:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use &amp;alternative limits between</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use alternative limits during the scheduled hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>:00</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Schedule starts at hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Schedule ends at hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alternative upload limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alternative download limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>and</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upload:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Download:</source>
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
    <message>
        <source>Hours go from 0 to 23.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The schedule starts and ends at the same hour. Choose two different hours.</source>
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
    <name>mp2p::SpeedGraph</name>
    <message>
        <source>Download (KiB/s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upload (KiB/s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Speed graph</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mp2p::TransferFilterModel</name>
    <message>
        <source>All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Downloading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seeding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Errors</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mp2p::TransferModel</name>
    <message>
        <source>Checking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Downloading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seeding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2 seeds)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ETA</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Peers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ratio</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mp2p::TransfersView</name>
    <message>
        <source>&amp;Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause/Resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;move…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>P&amp;lay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transfer filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transfers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause the selected transfers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume the selected transfers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the selected transfers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Play the transfer&apos;s largest file while it downloads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transfer actions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove transfers</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Remove %n transfer(s)?</source>
        <translation>
            <numerusform>Remove %n transfer?</numerusform>
            <numerusform>Remove %n transfers?</numerusform>
        </translation>
    </message>
    <message>
        <source>Remove, keep the files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove and delete the files</source>
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
