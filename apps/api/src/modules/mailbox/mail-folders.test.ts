import { foldersToRead, resolveFolders } from './mail-folders';

describe('mailbox folders', () => {
  it('finds Junk and Sent by their special-use flags before their names', () => {
    const r = resolveFolders(
      [
        { path: 'INBOX' },
        { path: 'Junk' },
        { path: 'Courrier indésirable', specialUse: '\\Junk' },
        { path: 'Envoyés', specialUse: '\\Sent' },
      ],
      {},
    );
    expect(r).toEqual({ folders: { inbox: 'INBOX', junk: 'Courrier indésirable', sent: 'Envoyés' } });
  });

  it.each([
    [['INBOX', 'Spam', 'Sent Items'], 'Spam', 'Sent Items'],
    [['INBOX', 'INBOX/Junk E-mail', 'INBOX/Sent Mail'], 'INBOX/Junk E-mail', 'INBOX/Sent Mail'],
    [['INBOX', 'Bulk Mail', 'Drafts'], 'Bulk Mail', null],
    [['INBOX', 'Archive'], null, null],
  ])('falls back to the usual names: %j', (paths, junk, sent) => {
    expect(
      resolveFolders(
        paths.map((path) => ({ path })),
        {},
      ),
    ).toEqual({ folders: { inbox: 'INBOX', junk, sent } });
  });

  it("takes the seller's own folder, and names the field when the server has no such folder", () => {
    const listed = [{ path: 'INBOX' }, { path: 'Junk', specialUse: '\\Junk' }, { path: 'Filtered' }];
    expect(resolveFolders(listed, { junkFolder: 'Filtered' })).toEqual({
      folders: { inbox: 'INBOX', junk: 'Filtered', sent: null },
    });
    expect(resolveFolders(listed, { sentFolder: 'Outbox' })).toEqual({
      field: 'sentFolder',
      message: 'the mailbox has no folder named "Outbox" (it has INBOX, Junk, Filtered)',
    });
  });

  it('reads INBOX first, each folder once', () => {
    expect(foldersToRead({ inbox: 'INBOX', junk: 'Junk', sent: 'Sent' })).toEqual([
      { path: 'INBOX', role: 'INBOX' },
      { path: 'Junk', role: 'JUNK' },
      { path: 'Sent', role: 'SENT' },
    ]);
    expect(foldersToRead({ inbox: 'INBOX', junk: null, sent: null })).toEqual([{ path: 'INBOX', role: 'INBOX' }]);
  });
});
