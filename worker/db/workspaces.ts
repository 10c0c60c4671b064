export interface WorkspaceRow {
	id: string;
	name: string;
	share_text: number;
	auto_friction: number;
}

export const insertWorkspace = (db: D1Database, workspace: { id: string; name: string; now: string }) =>
	db.prepare('INSERT INTO workspaces (id, name, created_at) VALUES (?1, ?2, ?3)').bind(workspace.id, workspace.name, workspace.now);

export const getWorkspace = (db: D1Database, id: string) =>
	db.prepare('SELECT id, name, share_text, auto_friction FROM workspaces WHERE id = ?1').bind(id).first<WorkspaceRow>();

/** Sets the given opt-ins; returns the workspace afterwards. */
export function updateWorkspaceSettings(db: D1Database, id: string, settings: { shareText?: boolean | undefined; autoFriction?: boolean | undefined }) {
	const flag = (value: boolean | undefined) => (value === undefined ? null : value ? 1 : 0);
	return db
		.prepare(
			`UPDATE workspaces SET share_text = coalesce(?2, share_text), auto_friction = coalesce(?3, auto_friction)
			WHERE id = ?1 RETURNING id, name, share_text, auto_friction`,
		)
		.bind(id, flag(settings.shareText), flag(settings.autoFriction))
		.first<WorkspaceRow>();
}
