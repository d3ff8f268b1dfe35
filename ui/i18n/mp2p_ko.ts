<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>mp2p::Autostart</name>
    <message>
        <source>Cannot remove %1. Delete it by hand to stop starting at login.</source>
        <translation>%1을(를) 지울 수 없습니다. 로그인할 때 시작하지 않게 하려면 이 파일을 직접 지우세요.</translation>
    </message>
    <message>
        <source>Cannot create the folder %1.</source>
        <translation>%1 폴더를 만들 수 없습니다.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1에 쓸 수 없습니다: %2</translation>
    </message>
</context>
<context>
    <name>mp2p::FirstRunDialog</name>
    <message>
        <source>Welcome to mp2p</source>
        <translation>mp2p에 오신 것을 환영합니다</translation>
    </message>
    <message>
        <source>mp2p shares files through a managed peer-to-peer service. Choose where that service runs. You can change this later in Settings.</source>
        <translation>mp2p는 관리형 P2P 서비스를 통해 파일을 공유합니다. 이 서비스를 어디에서 실행할지 고르세요. 나중에 설정에서 바꿀 수 있습니다.</translation>
    </message>
    <message>
        <source>&amp;Run locally (this machine / LAN)</source>
        <translation>로컬에서 실행(이 컴퓨터 / LAN)(&amp;R)</translation>
    </message>
    <message>
        <source>Run locally</source>
        <translation>로컬에서 실행</translation>
    </message>
    <message>
        <source>mp2p starts its own services inside the app: the user directory (who you are), the content index (what can be found), the overlay manager (who has which content) and the activity service, plus a network map for one region. Other computers on your network can use them too.</source>
        <translation>mp2p가 앱 안에서 자체 서비스를 시작합니다. 사용자 디렉터리(사용자 확인), 콘텐츠 색인(찾을 수 있는 콘텐츠), 오버레이 관리자(누가 어떤 콘텐츠를 가졌는지), 활동 서비스, 그리고 한 지역의 네트워크 지도입니다. 같은 네트워크의 다른 컴퓨터도 이 서비스를 쓸 수 있습니다.</translation>
    </message>
    <message>
        <source>Use a &amp;provider URL</source>
        <translation>서비스 제공자 URL 사용(&amp;P)</translation>
    </message>
    <message>
        <source>Use a provider URL</source>
        <translation>서비스 제공자 URL 사용</translation>
    </message>
    <message>
        <source>Provider URL</source>
        <translation>서비스 제공자 URL</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>문제</translation>
    </message>
    <message>
        <source>Your identity:</source>
        <translation>내 ID:</translation>
    </message>
    <message>
        <source>created when mp2p first connects…</source>
        <translation>mp2p가 처음 연결할 때 만들어집니다…</translation>
    </message>
    <message>
        <source>Your user id</source>
        <translation>내 사용자 ID</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>복사(&amp;C)</translation>
    </message>
    <message>
        <source>Copy your user id</source>
        <translation>내 사용자 ID 복사</translation>
    </message>
</context>
<context>
    <name>mp2p::ManagedPeerPublisher</name>
    <message>
        <source>The peer has stopped; restart mp2p and try again.</source>
        <translation>피어가 멈췄습니다. mp2p를 다시 시작한 뒤 다시 시도하세요.</translation>
    </message>
</context>
<context>
    <name>mp2p::PublishDetailsPage</name>
    <message>
        <source>Describe it</source>
        <translation>설명 입력</translation>
    </message>
    <message>
        <source>This is what people see when they search.</source>
        <translation>다른 사람이 검색할 때 보게 되는 내용입니다.</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>제목</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>설명</translation>
    </message>
    <message>
        <source>Tags, separated by commas</source>
        <translation>태그(쉼표로 구분)</translation>
    </message>
    <message>
        <source>music, live, 2024</source>
        <translation>음악, 라이브, 2024</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>제목(&amp;T):</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>설명(&amp;D):</translation>
    </message>
    <message>
        <source>T&amp;ags:</source>
        <translation>태그(&amp;A):</translation>
    </message>
    <message>
        <source>&amp;Publish</source>
        <translation>게시(&amp;P)</translation>
    </message>
    <message>
        <source>Enter a title.</source>
        <translation>제목을 입력하세요.</translation>
    </message>
    <message>
        <source>The title is %1 characters long; use at most 200.</source>
        <translation>제목이 %1자입니다. 200자 이하로 줄이세요.</translation>
    </message>
    <message>
        <source>The description is %1 characters long; use at most 5000.</source>
        <translation>설명이 %1자입니다. 5000자 이하로 줄이세요.</translation>
    </message>
    <message>
        <source>Use at most 32 tags (you have %1).</source>
        <translation>태그는 32개까지 쓸 수 있습니다(현재 %1개).</translation>
    </message>
    <message>
        <source>The tag &quot;%1…&quot; is too long; a tag has at most 64 characters.</source>
        <translation>태그 &quot;%1…&quot;이(가) 너무 깁니다. 태그는 64자까지 쓸 수 있습니다.</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>문제</translation>
    </message>
</context>
<context>
    <name>mp2p::PublishProgressPage</name>
    <message>
        <source>Publishing</source>
        <translation>게시 중</translation>
    </message>
    <message>
        <source>Publishing status</source>
        <translation>게시 상태</translation>
    </message>
    <message>
        <source>Publishing progress</source>
        <translation>게시 진행률</translation>
    </message>
    <message>
        <source>Content id</source>
        <translation>콘텐츠 ID</translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation>다시 시도(&amp;R)</translation>
    </message>
    <message>
        <source>Try publishing again</source>
        <translation>다시 게시하기</translation>
    </message>
    <message>
        <source>Hashing %1 and registering it with the provider. Large folders take a while; you can keep using mp2p meanwhile.</source>
        <translation>%1의 해시를 계산하고 서비스 제공자에 등록하는 중입니다. 큰 폴더는 시간이 걸리며, 그동안에도 mp2p를 계속 쓸 수 있습니다.</translation>
    </message>
    <message>
        <source>Published. mp2p is now sharing it; others can find it in search. Content id:</source>
        <translation>게시되었습니다. 이제 mp2p가 공유하고 있으며 다른 사람이 검색으로 찾을 수 있습니다. 콘텐츠 ID:</translation>
    </message>
    <message>
        <source>Publishing failed: %1</source>
        <translation>게시하지 못했습니다: %1</translation>
    </message>
</context>
<context>
    <name>mp2p::PublishSourcePage</name>
    <message>
        <source>What do you want to share?</source>
        <translation>무엇을 공유하시겠습니까?</translation>
    </message>
    <message>
        <source>Choose one file, or a folder to share with everything in it.</source>
        <translation>파일 하나, 또는 안의 내용을 모두 공유할 폴더를 고르세요.</translation>
    </message>
    <message>
        <source>A &amp;file</source>
        <translation>파일(&amp;F)</translation>
    </message>
    <message>
        <source>A f&amp;older</source>
        <translation>폴더(&amp;O)</translation>
    </message>
    <message>
        <source>Path of the file or folder</source>
        <translation>파일 또는 폴더 경로</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>찾아보기(&amp;B)…</translation>
    </message>
    <message>
        <source>Choose the file or folder</source>
        <translation>파일 또는 폴더 고르기</translation>
    </message>
    <message>
        <source>Nothing exists at this path. Check it or use Browse.</source>
        <translation>이 경로에 아무것도 없습니다. 경로를 확인하거나 찾아보기를 쓰세요.</translation>
    </message>
    <message>
        <source>This is a file. Choose &quot;A file&quot; or pick a folder.</source>
        <translation>파일입니다. &quot;파일&quot;을 고르거나 폴더를 선택하세요.</translation>
    </message>
    <message>
        <source>This is a folder. Choose &quot;A folder&quot; or pick a file.</source>
        <translation>폴더입니다. &quot;폴더&quot;를 고르거나 파일을 선택하세요.</translation>
    </message>
    <message>
        <source>You cannot read this. Check its permissions.</source>
        <translation>읽을 수 없습니다. 권한을 확인하세요.</translation>
    </message>
    <message>
        <source>This file is empty; there is nothing to share.</source>
        <translation>빈 파일이라 공유할 내용이 없습니다.</translation>
    </message>
    <message>
        <source>Folder to share</source>
        <translation>공유할 폴더</translation>
    </message>
    <message>
        <source>File to share</source>
        <translation>공유할 파일</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>문제</translation>
    </message>
</context>
<context>
    <name>mp2p::PublishWizard</name>
    <message>
        <source>Publish</source>
        <translation>게시</translation>
    </message>
    <message>
        <source>Publish wizard</source>
        <translation>게시 마법사</translation>
    </message>
</context>
<context>
    <name>mp2p::SettingsDialog</name>
    <message>
        <source> KiB/s</source>
        <translation> KiB/s</translation>
    </message>
    <message>
        <source>Unlimited</source>
        <translation>무제한</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>설정</translation>
    </message>
    <message>
        <source>Provider URL</source>
        <translation>서비스 제공자 URL</translation>
    </message>
    <message>
        <source>Service provider:</source>
        <translation>서비스 제공자:</translation>
    </message>
    <message>
        <source>Download folder</source>
        <translation>다운로드 폴더</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>찾아보기(&amp;B)…</translation>
    </message>
    <message>
        <source>Choose the download folder</source>
        <translation>다운로드 폴더 고르기</translation>
    </message>
    <message>
        <source>&amp;Download folder:</source>
        <translation>다운로드 폴더(&amp;D):</translation>
    </message>
    <message>
        <source>Upload limit</source>
        <translation>업로드 제한</translation>
    </message>
    <message>
        <source>Download limit</source>
        <translation>다운로드 제한</translation>
    </message>
    <message>
        <source>&amp;Upload limit:</source>
        <translation>업로드 제한(&amp;U):</translation>
    </message>
    <message>
        <source>Do&amp;wnload limit:</source>
        <translation>다운로드 제한(&amp;W):</translation>
    </message>
    <message>
        <source>Listen address and port</source>
        <translation>수신 주소와 포트</translation>
    </message>
    <message>
        <source>The address and port other peers connect to, e.g. 0.0.0.0:6881 (all interfaces).</source>
        <translation>다른 피어가 접속하는 주소와 포트입니다. 예: 0.0.0.0:6881(모든 인터페이스).</translation>
    </message>
    <message>
        <source>&amp;Listen on:</source>
        <translation>수신 주소(&amp;L):</translation>
    </message>
    <message>
        <source>Start &amp;minimised to the tray</source>
        <translation>트레이로 최소화한 상태로 시작(&amp;M)</translation>
    </message>
    <message>
        <source>Start at lo&amp;gin</source>
        <translation>로그인할 때 시작(&amp;G)</translation>
    </message>
    <message>
        <source>Tray:</source>
        <translation>트레이:</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>언어</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>시스템 기본값</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>문제</translation>
    </message>
    <message>
        <source>The settings could not be written to %1.</source>
        <translation>설정을 %1에 저장할 수 없습니다.</translation>
    </message>
    <message>
        <source>Run the services on this &amp;computer (embedded, for this machine and the LAN)</source>
        <translation>이 컴퓨터에서 서비스 실행(내장, 이 컴퓨터와 LAN용)(&amp;C)</translation>
    </message>
    <message>
        <source>Use a &amp;provider:</source>
        <translation>서비스 제공자 사용(&amp;P):</translation>
    </message>
    <message>
        <source>Closing the window &amp;keeps mp2p running in the tray</source>
        <translation>창을 닫아도 mp2p를 트레이에서 계속 실행(&amp;K)</translation>
    </message>
    <message>
        <source>L&amp;anguage (after restart):</source>
        <translation>언어(다시 시작 후 적용)(&amp;A):</translation>
    </message>
</context>
<context>
    <name>mp2p::SettingsValidator</name>
    <message>
        <source>Enter the provider&apos;s address, for example https://p2p.example.org.</source>
        <translation>서비스 제공자 주소를 입력하세요. 예: https://p2p.example.org</translation>
    </message>
    <message>
        <source>This is not a valid address. Use the form https://host[:port].</source>
        <translation>올바른 주소가 아닙니다. https://호스트[:포트] 형식으로 쓰세요.</translation>
    </message>
    <message>
        <source>The address must start with http:// or https://.</source>
        <translation>주소는 http:// 또는 https://로 시작해야 합니다.</translation>
    </message>
    <message>
        <source>Choose a folder for downloads.</source>
        <translation>다운로드할 폴더를 고르세요.</translation>
    </message>
    <message>
        <source>Use a full path (starting with /), not a relative one.</source>
        <translation>상대 경로가 아닌 전체 경로(/로 시작)를 쓰세요.</translation>
    </message>
    <message>
        <source>This folder cannot be created: part of the path is a file.</source>
        <translation>이 폴더를 만들 수 없습니다. 경로 중간에 파일이 있습니다.</translation>
    </message>
    <message>
        <source>This folder is not writable. Choose one you own.</source>
        <translation>이 폴더에 쓸 수 없습니다. 내가 소유한 폴더를 고르세요.</translation>
    </message>
    <message>
        <source>A limit cannot be negative. Use 0 for unlimited.</source>
        <translation>제한 값은 음수일 수 없습니다. 무제한은 0을 쓰세요.</translation>
    </message>
    <message>
        <source>A limit above %1 KiB/s is not possible. Use 0 for unlimited.</source>
        <translation>%1 KiB/s보다 큰 제한은 쓸 수 없습니다. 무제한은 0을 쓰세요.</translation>
    </message>
    <message>
        <source>Use an IP address and a port, such as 0.0.0.0:6881 or [::]:6881.</source>
        <translation>IP 주소와 포트를 쓰세요. 예: 0.0.0.0:6881 또는 [::]:6881</translation>
    </message>
    <message>
        <source>The port must be a number from 0 to 65535 (0 picks a free port).</source>
        <translation>포트는 0부터 65535까지의 숫자여야 합니다(0은 빈 포트를 자동으로 고릅니다).</translation>
    </message>
    <message>
        <source>Choose a language from the list.</source>
        <translation>목록에서 언어를 고르세요.</translation>
    </message>
</context>
<context>
    <name>mp2p::SingleInstance</name>
    <message>
        <source>mp2p is already running.</source>
        <translation>mp2p가 이미 실행 중입니다.</translation>
    </message>
    <message>
        <source>Cannot open the local socket %1: %2</source>
        <translation>로컬 소켓 %1을(를) 열 수 없습니다: %2</translation>
    </message>
</context>
<context>
    <name>mp2p::TrayController</name>
    <message>
        <source>mp2p tray menu</source>
        <translation>mp2p 트레이 메뉴</translation>
    </message>
    <message>
        <source>&amp;Show window</source>
        <translation>창 보이기(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Pause all</source>
        <translation>모두 일시 정지(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Resume all</source>
        <translation>모두 재개(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>끝내기(&amp;Q)</translation>
    </message>
    <message>
        <source>mp2p: sharing in the background</source>
        <translation>mp2p: 백그라운드에서 공유 중</translation>
    </message>
    <message>
        <source>mp2p keeps running</source>
        <translation>mp2p가 계속 실행 중입니다</translation>
    </message>
    <message>
        <source>mp2p is still sharing in the background. Use the tray icon to open it again, or Quit to stop.</source>
        <translation>mp2p가 백그라운드에서 계속 공유하고 있습니다. 트레이 아이콘으로 다시 열거나, 끝내기로 종료하세요.</translation>
    </message>
    <message>
        <source>Download complete</source>
        <translation>다운로드 완료</translation>
    </message>
    <message>
        <source>%1 has finished downloading and is now being shared.</source>
        <translation>%1 다운로드가 끝났으며 이제 공유 중입니다.</translation>
    </message>
    <message>
        <source>&amp;Hide window</source>
        <translation>창 숨기기(&amp;H)</translation>
    </message>
</context>
</TS>
