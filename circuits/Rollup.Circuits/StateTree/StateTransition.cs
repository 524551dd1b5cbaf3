using Rollup.Circuits.Poseidon;
using Rollup.Circuits.State;
using Rollup.Circuits.Tables;
using Rollup.Crypto.Bn254.Fields;
using Rollup.Evm.State;
using Rollup.Evm.Tracing.Zk;
using Rollup.Plonk.Circuit;
using Rollup.State.Leaves;

namespace Rollup.Circuits.StateTree;

/// <summary>How many state-tree regions and Poseidon permutations (by width) a circuit reserves.</summary>
public sealed record StateTransitionCapacity(int Regions, IReadOnlyDictionary<int, int> Poseidon)
{
    /// <summary>Room for <paramref name="w"/> plus <paramref name="spareRegions"/> padding regions (at least one, so the
    /// chain always ends in a padding region of the account trie).</summary>
    public static StateTransitionCapacity For(StateTransitionWitness w, int spareRegions = 1)
    {
        int regions = w.Updates.Count + Math.Max(1, spareRegions);
        var widths = StateTransition.PoseidonInputs(StateTransition.Padded(w.Updates, regions));
        return new(regions, widths.ToDictionary(kv => kv.Key, kv => kv.Value.Count));
    }
}

/// <summary>
/// Binds the state tree to the read/write table: the batch moves the state from the previous root to the new one by
/// exactly the changes the table makes (docs/circuits.md, "Tying the trie to the RW table").
/// <list type="bullet">
/// <item><b>Regions.</b> One <see cref="SmtUpdateChip"/> region per touched key, real ones first, then padding that
/// changes nothing. Storage tries come first, the account trie last and in one piece (once a region is on the account
/// trie every later one is), so its chain starts at <see cref="PreviousRoot"/> and the last region ends at the new root
/// (<see cref="NewRootCell"/>).</item>
/// <item><b>Storage.</b> On a slot's first row in the table, its address, slot, <c>prev</c> and final value are looked
/// up among the storage regions' (trie, slot, old value, new value). Each storage trie's chain (start root → end root)
/// is looked up in its account's region as the storage-root field before and after; an account whose storage root
/// changes must find such a chain.</item>
/// <item><b>Accounts.</b> An account region shows the account's fields before and after (an absent account's are the
/// empty account's: zeros and the empty code's hash). Each account field's first row looks up (address, field, prev,
/// final) in them; a field the region changes must be touched in the table with that final value; the Poseidon code
/// hash and code size never change (no code deposits yet).</item>
/// <item><b>Counts.</b> The table's storage slots plus account addresses equal the real regions. The lookups map keys
/// to regions injectively (a region holds one key), so equal counts leave no region without its key and no key with
/// two regions.</item>
/// </list>
/// </summary>
public sealed partial class StateTransition
{
    public PoseidonChip Poseidon { get; }
    public SmtUpdateChip Smt { get; }
    public LeafPreimages Leaves { get; }
    public RwKeyEnds Keys { get; }
    /// <summary>The two roots as the public inputs' 128-bit limbs (after the regions).</summary>
    public RootLimbs Limbs { get; }

    // Region constants.
    public Column Real { get; }
    public Column AccountReal { get; }
    public Column TrieInverse { get; }
    /// <summary>The root the region's trie chain starts from (its first region's old root).</summary>
    public Column StartRoot { get; }
    public Column Regions { get; }
    /// <summary>The account trie's first old root: the state root before the batch, the same on every region row.</summary>
    public Column PreviousRoot { get; }

    // Per row.
    public Column SlotRow { get; }
    public Column StorageEnd { get; }
    public Column OldLo { get; }
    public Column OldHi { get; }
    public Column NewLo { get; }
    public Column NewHi { get; }
    /// <summary>1 on an account field row whose value changes (then the table must hold the key with that final value).</summary>
    public Column Touched { get; }
    /// <summary>The inverse of the change (new − old as a word) where <see cref="Touched"/>, pinning it to "changed".</summary>
    public Column ChangeInverse { get; }
    /// <summary>On one field row of a present new account: the inverse of that field's difference from the empty
    /// account's, showing the account is not empty (an empty account has no leaf: the node deletes it).</summary>
    public Column NonEmptyInverse { get; }

    // Fixed, per region row: the account fields' layout (docs/state-tree.md §3).
    public Column FieldKey { get; }
    public Column FieldSel { get; }
    public Column HasHi { get; }
    public Column DefaultLo { get; }
    public Column DefaultHi { get; }
    public Column KeepSel { get; }
    public Column RwFieldSel { get; }
    public Column RootSel { get; }
    /// <summary>The rows whose raw fields make an account non-empty (nonce, balance, code hash, storage root).</summary>
    public Column EmptySel { get; }
    /// <summary>The empty account's raw fields: the empty code's hash on rows 3 and 4, zero elsewhere.</summary>
    public Column EmptyField { get; }

    /// <summary>The key the storage root takes in the account regions' field table (after the read/write table's
    /// account fields 1..3).</summary>
    public const int StorageRootKey = 4;

    private static readonly Fr TwoTo128 = Fr.FromBigInteger(System.Numerics.BigInteger.One << 128);

    public int RowCount => Poseidon.RowCount + Smt.RowCount + RootLimbs.Rows;
    public int SmtStart => Poseidon.RowCount;

    /// <summary>The state root before the batch, as a field element (<see cref="Limbs"/> has it as the public inputs'
    /// limbs).</summary>
    public Cell PreviousRootCell => new(PreviousRoot, SmtStart);
    /// <summary>The state root after the batch: the last region's new root.</summary>
    public Cell NewRootCell => new(Smt.NewRoot, SmtStart + Smt.RowCount - 1);

    public IEnumerable<Column> RegionAdviceColumns => [Real, AccountReal, TrieInverse, StartRoot, Regions, PreviousRoot, SlotRow, StorageEnd, OldLo, OldHi, NewLo, NewHi, Touched, ChangeInverse, NonEmptyInverse];

    public StateTransition(ConstraintSystem cs, RwTable rw, StateCircuit state, ByteTable bytes, StateTransitionCapacity capacity)
    {
        Poseidon = new PoseidonChip(cs, capacity.Poseidon);
        Smt = new SmtUpdateChip(cs, Poseidon, capacity.Regions);
        Leaves = new LeafPreimages(cs, Smt, Poseidon);
        Keys = new RwKeyEnds(cs, rw, state);

        Real = cs.Advice("st_real");
        AccountReal = cs.Advice("st_account_real");
        TrieInverse = cs.Advice("st_trie_inverse");
        StartRoot = cs.Advice("st_start_root");
        Regions = cs.Advice("st_regions");
        PreviousRoot = cs.Advice("st_previous_root");
        SlotRow = cs.Advice("st_slot_row");
        StorageEnd = cs.Advice("st_storage_end");
        OldLo = cs.Advice("st_old_lo");
        OldHi = cs.Advice("st_old_hi");
        NewLo = cs.Advice("st_new_lo");
        NewHi = cs.Advice("st_new_hi");
        Touched = cs.Advice("st_touched");
        ChangeInverse = cs.Advice("st_change_inverse");
        NonEmptyInverse = cs.Advice("st_nonempty_inverse");
        FieldKey = cs.Fixed("st_field_key");
        FieldSel = cs.Selector("st_field_sel");
        HasHi = cs.Fixed("st_has_hi");
        DefaultLo = cs.Fixed("st_default_lo");
        DefaultHi = cs.Fixed("st_default_hi");
        KeepSel = cs.Selector("st_keep_sel");
        RwFieldSel = cs.Selector("st_rw_field_sel");
        RootSel = cs.Selector("st_root_sel");
        EmptySel = cs.Selector("st_empty_sel");
        EmptyField = cs.Fixed("st_empty_field");

        ConfigureRegions(cs);
        ConfigureFields(cs);
        ConfigureLookups(cs, rw);
        Limbs = new RootLimbs(cs, bytes, Smt.QLastRegion, PreviousRoot, Smt.NewRoot);
    }

    private void ConfigureRegions(ConstraintSystem cs)
    {
        var s = Smt;
        var q = s.QRegion.Cur;
        var notEnd = q - s.QEnd.Cur;
        var endNotLast = s.QEnd.Cur - s.QLastRegion.Cur;
        var isAccount = Leaves.IsAccount.Cur;
        var real = Real.Cur;
        var polys = new List<(string, Expression)>();
        foreach (var c in new[] { Real, AccountReal, TrieInverse, StartRoot, Regions, PreviousRoot })
            polys.Add(($"{c.Name} is the same on every row", notEnd * (c.Next - c.Cur)));
        polys.AddRange(
        [
            ("real is a bit", q * real * (1 - real)),
            ("real regions come first", endNotLast * (1 - real) * Real.Next),
            ("a padding region changes nothing", q * (1 - real) * (s.NewRoot.Cur - s.OldRoot.Cur)),
            // The preimage kind follows the trie: 0 is the account trie, anything else an account's storage trie.
            ("is_account = (trie == 0)", q * (isAccount - (1 - s.Trie.Cur * TrieInverse.Cur))),
            ("the account trie is trie 0", q * s.Trie.Cur * isAccount),
            ("no trie inverse on the account trie", q * TrieInverse.Cur * isAccount),
            ("a storage trie is its owner's", q * (1 - isAccount) * (s.Trie.Cur - Leaves.Address.Cur)),
            ("account_real = real · account", q * (AccountReal.Cur - real * isAccount)),
            // One account chain, at the end: the previous root is its first old root, the new root the last region's.
            ("the account trie runs to the end", endNotLast * isAccount * (1 - Leaves.IsAccount.Next)),
            ("the last region is on the account trie", s.QLastRegion.Cur * (1 - isAccount)),
            ("the previous root is the account chain's first old root", q * s.FirstOfTrie.Cur * isAccount * (s.OldRoot.Cur - PreviousRoot.Cur)),
            ("the previous root is the same in every region", endNotLast * (PreviousRoot.Next - PreviousRoot.Cur)),
            ("a chain's start root is its first old root", q * s.FirstOfTrie.Cur * (StartRoot.Cur - s.OldRoot.Cur)),
            ("the start root carries along the chain", endNotLast * (1 - s.LastOfTrie.Cur) * (StartRoot.Next - StartRoot.Cur)),
            ("the region count starts with the first region", s.QFirstRegion.Cur * (Regions.Cur - real)),
            ("the region count adds each real region", endNotLast * (Regions.Next - Regions.Cur - Real.Next)),
            ("one real region per slot and address of the table", s.QLastRegion.Cur * (Regions.Cur - Keys.KeysTotal.Cur)),
            ("slot_row = a real storage region's first row", q * (SlotRow.Cur - s.QStart.Cur * (real - AccountReal.Cur))),
            ("storage_end = a slot row ending its trie", q * (StorageEnd.Cur - SlotRow.Cur * s.LastOfTrie.Cur)),
        ]);
        cs.Gate("state transition: regions", polys.ToArray());
    }

    private void ConfigureLookups(ConstraintSystem cs, RwTable rw)
    {
        var s = Smt;
        var (oldField, newField) = (Leaves.OldField, Leaves.NewField);
        var slot = SlotRow.Cur;
        cs.Lookup("state transition: a slot's initial and final values are its region's", Keys.FirstStorage.Cur,
            [rw.Address.Cur, rw.KeyLo.Cur, rw.KeyHi.Cur, rw.PrevLo.Cur, rw.PrevHi.Cur, Keys.FinalLo.Cur, Keys.FinalHi.Cur],
            [slot * s.Trie.Cur, slot * Leaves.SlotLo.Cur, slot * Leaves.SlotHi.Cur, slot * oldField.Cur, slot * oldField.Next, slot * newField.Cur, slot * newField.Next]);
        var acc = AccountReal.Cur;
        var zero = Expression.Constant(0);
        // An account field's key is a small number: its high limb is 0 (a row with another high limb finds nothing).
        Expression[] accountTable = [acc * Leaves.Address.Cur, acc * FieldKey.Cur, zero, acc * OldLo.Cur, acc * OldHi.Cur, acc * NewLo.Cur, acc * NewHi.Cur];
        cs.Lookup("state transition: an account field's initial and final values are its account region's", Keys.FirstAccount.Cur,
            [rw.Address.Cur, rw.KeyLo.Cur, rw.KeyHi.Cur, rw.PrevLo.Cur, rw.PrevHi.Cur, Keys.FinalLo.Cur, Keys.FinalHi.Cur], accountTable);
        cs.Lookup("state transition: a storage chain runs from its account's storage root before to after", StorageEnd.Cur,
            [s.Trie.Cur, Expression.Constant(StorageRootKey), zero, StartRoot.Cur, zero, s.NewRoot.Cur, zero], accountTable);
        var first = Keys.FirstAccount.Cur;
        cs.Lookup("state transition: a changed account field is the table's final value", Touched.Cur * RwFieldSel.Cur,
            [Leaves.Address.Cur, FieldKey.Cur, zero, NewLo.Cur, NewHi.Cur],
            [first * rw.Address.Cur, first * rw.KeyLo.Cur, first * rw.KeyHi.Cur, first * Keys.FinalLo.Cur, first * Keys.FinalHi.Cur]);
        var end = StorageEnd.Cur;
        cs.Lookup("state transition: a changed storage root is a storage chain's", Touched.Cur * RootSel.Cur,
            [Leaves.Address.Cur, OldLo.Cur, NewLo.Cur],
            [end * s.Trie.Cur, end * StartRoot.Cur, end * s.NewRoot.Cur]);
    }

    /// <summary>The distinct Poseidon inputs the regions look up, by width. The regions only need each hash present in
    /// the table, so a hash shared by two regions (an unchanged key's two sides, the padding's repeats of the last key,
    /// the siblings' common upper nodes) is computed once.</summary>
    public static Dictionary<int, List<Fr[]>> PoseidonInputs(IReadOnlyList<SmtUpdate> regions)
    {
        var widths = LeafPreimages.PoseidonInputs(regions);
        widths[4] = SmtUpdateChip.PoseidonInputs(regions);
        return widths.ToDictionary(kv => kv.Key, kv => kv.Value.DistinctBy(input => string.Join(",", input)).ToList());
    }

    /// <summary>The regions in order: the updates, then padding (the last update, unchanged) up to <paramref name="regions"/>.</summary>
    public static List<SmtUpdate> Padded(IReadOnlyList<SmtUpdate> updates, int regions)
    {
        if (updates.Count == 0) throw new NotSupportedException("a batch that touches no state: the padding would need a key of the previous state");
        return updates.Concat(Enumerable.Repeat(SmtUpdateChip.Padding(updates), regions - updates.Count)).ToList();
    }

    /// <summary>Fills the Poseidon chip (from row 0), the regions (after it) and the binding; the read/write table and the
    /// state circuit must be assigned already.</summary>
    public void Assign(Assignment a, StateTransitionWitness w, RwTable rw)
    {
        var regions = Padded(w.Updates, Smt.Capacity);
        Poseidon.Assign(a, 0, PoseidonInputs(regions));
        int start = SmtStart;
        Smt.Assign(a, start, w.Updates);
        Leaves.Assign(a, start, regions);
        Keys.Assign(a, rw);
        AssignFixed(a, start);
        int count = 0;
        Fr previousRoot = w.PreviousRoot, chainStart = Fr.Zero;
        for (int r = 0; r < regions.Count; r++)
        {
            var u = regions[r];
            bool real = r < (w.RealRegions ?? w.Updates.Count), account = u.Trie.IsZero;
            int row0 = start + r * SmtUpdateChip.RegionRows;
            if (!a[Smt.FirstOfTrie, row0].IsZero) chainStart = a[Smt.OldRoot, row0];
            count += real ? 1 : 0;
            bool endsStorage = real && !account && !a[Smt.LastOfTrie, row0].IsZero;
            for (int i = 0; i < SmtUpdateChip.RegionRows; i++)
            {
                int row = row0 + i;
                a.Assign(Real, row, real ? 1UL : 0UL);
                a.Assign(AccountReal, row, real && account ? 1UL : 0UL);
                a[TrieInverse, row] = account ? Fr.Zero : u.Trie.Inverse();
                a[StartRoot, row] = chainStart;
                a.Assign(Regions, row, (ulong)count);
                a[PreviousRoot, row] = previousRoot;
            }
            a.Assign(SlotRow, row0, real && !account ? 1UL : 0UL);
            a.Assign(StorageEnd, row0, endsStorage ? 1UL : 0UL);
            if (real && account) AssignAccountFields(a, row0, u);
            if (account && u.NewTerminal == SmtTerminal.KeyLeaf) AssignNonEmpty(a, row0, u.Preimage!.NewFields);
        }
        Limbs.Assign(a, start + Smt.RowCount, a[PreviousRootCell.Column, PreviousRootCell.Row], a[NewRootCell.Column, NewRootCell.Row]);
    }
}
